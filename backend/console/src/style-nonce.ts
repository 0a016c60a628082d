/**
 * Gives every <style> element the console's own code creates this page's CSP nonce. Ant Design writes its styles at
 * run time, and some of its helpers (rc-util's scrollbar measuring in tables, the scroll locker of dialogs) add
 * <style> elements without passing a nonce along; stamping it here keeps the policy strict (no 'unsafe-inline')
 * without those helpers being blocked. Markup injected as HTML never passes through createElement, so it stays
 * blocked, and scripts can only come from Kefu's own files.
 */
export function stampStyleNonce(nonce: string | undefined): void {
  if (!nonce) return;
  const createElement = document.createElement.bind(document);
  document.createElement = ((tagName: string, options?: ElementCreationOptions) => {
    const element = createElement(tagName, options);
    if (element instanceof HTMLStyleElement) element.nonce = nonce;
    return element;
  }) as typeof document.createElement;
}
