/** Hooks over the app's one socket (api/socket.ts). */
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  connectionState,
  onConnectionState,
  onNotification,
  onReconnected,
  retainSocket,
  type ConnectionState,
  type NotificationEvent,
} from '../../shared/api/socket';

/** Keeps the socket open while the component is shown, for a signed-in user (nothing for visitors). */
export function useLiveSocket(userId: string | undefined): void {
  useEffect(() => (userId ? retainSocket(userId) : undefined), [userId]);
}

export function useConnectionState(): ConnectionState {
  const [state, setState] = useState(connectionState);
  useEffect(() => {
    setState(connectionState());
    return onConnectionState(setState);
  }, []);
  return state;
}

/** Runs the latest listener for each pushed notification, and `onReconnect` after each reconnection. */
export function useNotificationEvents(listener: (event: NotificationEvent) => void, onReconnect?: () => void): void {
  const latest = useRef({ listener, onReconnect });
  latest.current = { listener, onReconnect };
  useEffect(() => {
    const stopNotifications = onNotification((event) => latest.current.listener(event));
    const stopReconnects = onReconnected(() => latest.current.onReconnect?.());
    return () => {
      stopNotifications();
      stopReconnects();
    };
  }, []);
}
