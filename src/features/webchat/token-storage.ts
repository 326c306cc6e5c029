const KEY = 'cp-webchat-token';

/** The customer's conversation token survives reloads of the chat page on this device. */
export const tokenStorage = {
  get: () => localStorage.getItem(KEY),
  set: (token: string) => localStorage.setItem(KEY, token),
  clear: () => localStorage.removeItem(KEY),
};
