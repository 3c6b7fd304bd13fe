import { type DisplayState, DisplayState as DisplayStateSchema } from '@mot-cua/contracts';
import { useEffect, useState } from 'react';
import { displayStreamUrl } from '../../api/queue.js';

/**
 * The hall display's state over Server-Sent Events. EventSource reconnects by itself after a network drop (the
 * server sets retry: 2 s); when the server answered with an error (e.g. 502 while the API restarts) the browser
 * gives up, so the stream is reopened here after 3 s. Each (re)connection starts with the current state.
 */
export function useDisplayStream(centerId: string | undefined) {
  const [state, setState] = useState<DisplayState>();
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (!centerId) return;
    let source: EventSource | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const open = () => {
      source = new EventSource(displayStreamUrl(centerId));
      source.addEventListener('state', (e) => {
        const parsed = DisplayStateSchema.safeParse(JSON.parse((e as MessageEvent<string>).data));
        if (parsed.success) setState(parsed.data);
        setConnected(true);
      });
      source.onerror = () => {
        setConnected(false);
        if (source?.readyState === EventSource.CLOSED && !stopped) {
          retry = setTimeout(open, 3000);
        }
      };
    };
    open();
    return () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      source?.close();
    };
  }, [centerId]);
  return { state, connected };
}
