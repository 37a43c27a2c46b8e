/**
 * OpenAPI path templates (`/orders/{orderId}/notes`) and the one a concrete path matches: what the gateway names its
 * server span and `http.route` after (HTTP semantic conventions: the route template, low cardinality, never the path).
 */
export class RouteTemplates {
  private readonly templates: Array<{ template: string; pattern: RegExp; literals: number }>;

  constructor(templates: Iterable<string>) {
    // a literal segment beats a parameter: /orders/summary before /orders/{orderId}
    this.templates = [...new Set(templates)]
      .map((template) => ({ template, pattern: templatePattern(template), literals: template.split('/').filter((s) => s && !isParameter(s)).length }))
      .sort((a, b) => b.literals - a.literals || b.template.length - a.template.length);
  }

  match(pathname: string): string | undefined {
    return this.templates.find(({ pattern }) => pattern.test(pathname))?.template;
  }
}

/** `/admin/projections/{name}/rebuild` → /^\/admin\/projections\/([^/]+)\/rebuild$/ (a parameter is one segment). */
export function templatePattern(template: string): RegExp {
  const source = template
    .split('/')
    .map((segment) => (isParameter(segment) ? '([^/]+)' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('\\/');
  return new RegExp(`^${source}$`);
}

const isParameter = (segment: string): boolean => /^\{[^/{}]+\}$/.test(segment);
