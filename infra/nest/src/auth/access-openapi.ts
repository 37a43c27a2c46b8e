import type { OpenAPIObject } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '../http/problem';
import { accessControlledControllers, operationAccessOf, PUBLIC, type Ownership } from './access-table';
import type { CallerRole } from './identity';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

const problemResponse = (description: string) => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
});

/** The OpenAPI extension carrying an operation's access rule as data, for clients (the console's useCan). */
export const ACCESS_EXTENSION = 'x-access';

/** An operation's `x-access`: the rule a 403 names and, per allowed role, the ownership it needs (own, shop, any). */
export interface AccessExtension {
  rule: string;
  allow: Partial<Record<CallerRole, Ownership>>;
}

interface DocumentedOperation {
  operationId?: string;
  description?: string;
  responses?: Record<string, unknown>;
  [ACCESS_EXTENSION]?: AccessExtension;
}

/**
 * Documents who may call each operation, from its access table: the rule and roles in the description, and the 401
 * (no verified caller) and 403 (the rule refuses the role or the ownership, naming it) problems the edge answers;
 * and as data, `x-access: {rule, allow: {role: ownership}}`, so a client can offer only what the caller may do.
 * Operations are matched by Nest's operationId, `Controller_method`.
 */
export function documentAccessRules(document: OpenAPIObject): OpenAPIObject {
  const controllers = new Map(accessControlledControllers().map((controller) => [controller.name, controller]));
  for (const item of Object.values(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = (item as Record<string, DocumentedOperation | undefined>)[method];
      if (!operation?.operationId) continue;
      const [controllerName, handler] = operation.operationId.split('_');
      const controller = controllers.get(controllerName);
      const access = controller && handler ? operationAccessOf(controller, handler) : undefined;
      if (access?.allow === PUBLIC) continue;
      const responses = (operation.responses ??= {});
      responses['401'] ??= problemResponse('No verified caller');
      responses['403'] ??= problemResponse('The access rule refuses the caller’s role or ownership (the problem names the rule)');
      if (!access) continue;
      operation[ACCESS_EXTENSION] = { rule: access.rule, allow: { ...access.allow } };
      const who = Object.entries(access.allow)
        .map(([role, ownership]) => (ownership === 'any' ? role : `${role} (${ownership === 'own' ? 'own' : 'their shops’'})`))
        .join(', ');
      operation.description = [operation.description, `Access: ${who} — rule \`${access.rule}\`.`].filter(Boolean).join('\n\n');
    }
  }
  return document;
}
