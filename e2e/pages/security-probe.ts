import type { Page } from '@playwright/test';
import * as z from 'zod';

/**
 * In-page probes for the security specs. Evaluated as strings: e2e code is typed for Node, not the DOM.
 * The init script runs before any page script: it leaves a canary (`window.__xss`, set only by the
 * payloads) unset and records Content-Security-Policy violations as the browser reports them.
 */
const INIT_SCRIPT = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push(event.violatedDirective + ' ' + event.blockedURI + ' ' + (event.sample || '') + ' at ' + event.sourceFile + ':' + event.lineNumber + ':' + event.columnNumber);
  }, true);
`;

const ProbeSchema = z.object({
  xss: z.unknown(),
  violations: z.array(z.string()),
  javascriptLinks: z.array(z.string()),
  inlineHandlers: z.array(z.string()),
  injectedElements: z.number(),
});
export type ProbeResult = z.infer<typeof ProbeSchema>;

const READ_SCRIPT = `(() => {
  const handlers = [];
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      if (attribute.name.toLowerCase().startsWith('on')) handlers.push(element.tagName + '[' + attribute.name + ']');
    }
  }
  const links = [...document.querySelectorAll('[href], [src], [action], [formaction], [xlink\\\\:href]')]
    .map((element) => element.getAttribute('href') || element.getAttribute('src') || element.getAttribute('action') || element.getAttribute('formaction') || '')
    .filter((value) => /^\\s*(javascript|data:text\\/html|vbscript):/i.test(value));
  return {
    xss: window.__xss,
    violations: window.__cspViolations || [],
    javascriptLinks: links,
    inlineHandlers: handlers,
    injectedElements: document.querySelectorAll('img[src="x"], svg[onload], [data-xss]').length,
  };
})()`;

export async function installSecurityProbe(page: Page): Promise<{ dialogs: string[] }> {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.addInitScript(INIT_SCRIPT);
  return { dialogs };
}

export async function readSecurityProbe(page: Page): Promise<ProbeResult> {
  return ProbeSchema.parse(await page.evaluate(READ_SCRIPT));
}

const StorageSchema = z.object({
  local: z.record(z.string(), z.string()),
  session: z.record(z.string(), z.string()),
  url: z.string(),
});
export type StorageDump = z.infer<typeof StorageSchema>;

/** Every localStorage and sessionStorage entry of the page's origin, and its URL. */
export async function dumpStorage(page: Page): Promise<StorageDump> {
  return StorageSchema.parse(
    await page.evaluate(`(() => {
      const dump = (storage) => Object.fromEntries(Object.keys(storage).map((key) => [key, storage.getItem(key) || '']));
      return { local: dump(localStorage), session: dump(sessionStorage), url: location.href };
    })()`),
  );
}
