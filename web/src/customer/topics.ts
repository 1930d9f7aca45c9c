/**
 * What a customer may say the contact is about: the center's topics
 * (`GET /api/topics`, queues configured with a topic label), then "Something
 * else", which lets the center choose.
 */
import { useEffect, useState } from 'react';
import { customerApi } from '../api/api';

export interface Topic {
  label: string;
  /** Sent as `topic`; undefined lets the center choose. */
  value: string | undefined;
}

const somethingElse: Topic = { label: 'Something else', value: undefined };

/** The topics to offer; "Something else" alone until (or unless) the list loads. */
export function useTopics(): Topic[] {
  const [topics, setTopics] = useState<Topic[]>([somethingElse]);
  useEffect(() => {
    let live = true;
    customerApi.topics().then(
      ({ topics: listed }) => {
        if (live)
          setTopics([...listed.map((t) => ({ label: t.label, value: t.id })), somethingElse]);
      },
      // Without the list the customer can still ask; the center picks the queue.
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);
  return topics;
}
