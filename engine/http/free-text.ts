/**
 * The schema every free-text field shares (names, reasons, notes): any
 * Unicode text kept exactly as given (accents, CJK, emoji, right-to-left;
 * nothing trimmed or normalised), but never a lone surrogate (not text,
 * and it breaks UTF-8 on the way out) nor a control character, which
 * garbles logs, CSV and terminals. Multi-line fields also allow \n and \t.
 * A refusal is a field-level issue like any other validation failure.
 */
import { z } from '@hono/zod-openapi';

export interface FreeTextOptions {
  max: number;
  /** Allow line feeds and tabs. */
  multiline?: boolean;
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** C0 controls, DEL and C1 controls. */
const control = /[\u0000-\u001F\u007F-\u009F]/;
/** The same, less tab (U+0009) and line feed (U+000A). */
const controlButLines = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

export function freeText(options: FreeTextOptions) {
  const forbidden = options.multiline ? controlButLines : control;
  return z
    .string()
    .min(1)
    .max(options.max)
    .superRefine(function checkText(text, ctx) {
      if (!/\S/.test(text)) {
        ctx.addIssue({ code: 'custom', message: 'must not be blank' });
        return;
      }
      if (loneSurrogate.test(text)) {
        ctx.addIssue({ code: 'custom', message: 'contains a lone surrogate, which is not text' });
        return;
      }
      const found = forbidden.exec(text)?.[0];
      if (found !== undefined) {
        const code = found.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
        ctx.addIssue({ code: 'custom', message: `contains the control character U+${code}` });
      }
    });
}
