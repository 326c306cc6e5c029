/**
 * What the embedding site put in the web-chat link: a signed customer id (`customerId` and
 * `signature`, both or neither) and, optionally, a name and email to fill the form with. Read
 * from the raw query string: the router's search parsing would turn an id like `1001` into a
 * number or `1.50` into `1.5`, and the signature covers the exact characters.
 */
export interface IdentityLink {
  customerId?: string;
  signature?: string;
  name?: string;
  email?: string;
}

export function identityLinkFrom(search: string): IdentityLink {
  const params = new URLSearchParams(search);
  const value = (key: string) => params.get(key) ?? undefined;
  return { customerId: value('customerId'), signature: value('signature'), name: value('name'), email: value('email') };
}
