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
  /** Node's response has it; a stand-in may not. */
  statusCode?: number;
  status(code: number): unknown;
  setHeader(name: string, value: string | number | readonly string[]): unknown;
}

/** A request header by name in any case. */
export const headerOf = (req: HttpRequestLike, name: string): string | undefined => lowerCaseHeaderOf(req, name.toLowerCase());

/** A request header by its lower-case name, as Node keys them: no copy of the name per request. */
export const lowerCaseHeaderOf = (req: HttpRequestLike, lowerCaseName: string): string | undefined => {
  const value = req.headers[lowerCaseName];
  return Array.isArray(value) ? value[0] : value;
};
