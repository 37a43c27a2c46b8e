/** The slice of an Express request/response the kit reads; keeps the kit free of @types/express. */
export interface HttpRequestLike {
  method: string;
  originalUrl?: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
  query?: unknown;
  /** Express sets this to the matched route; `path` is the pattern, e.g. `/orders/:orderId/payment`. */
  route?: { path?: unknown };
}

export interface HttpResponseLike {
  status(code: number): unknown;
  setHeader(name: string, value: string | number | readonly string[]): unknown;
}

/** A request header by name in any case (Node keys them lower case: a lower-case name is read without a copy). */
export const headerOf = (req: HttpRequestLike, name: string): string | undefined => {
  const value = req.headers[name] ?? req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
};
