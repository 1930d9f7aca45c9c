/**
 * Why a conversation refused a frame or a read. Mapped to a problem
 * document (status and code) by the live relay and the routes.
 */
export type ChatRefusalCode = 'forbidden' | 'unknown_contact' | 'chat_closed' | 'not_a_call';

export interface ChatRefusal {
  kind: 'refused';
  code: ChatRefusalCode;
  detail: string;
}

export const refusalStatus: Record<ChatRefusalCode, number> = {
  forbidden: 403,
  unknown_contact: 404,
  chat_closed: 409,
  not_a_call: 409,
};

export function refuse(code: ChatRefusalCode, detail: string): ChatRefusal {
  return { kind: 'refused', code, detail };
}
