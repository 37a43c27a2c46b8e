import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { CommandContext } from '@aftersales/kernel';
import { COMMAND_HEADERS, commandContextFrom, type CommandContextOptions } from './command-context';
import type { HttpRequestLike, HttpResponseLike } from './http-types';

/** Set by @ApiCommand({ idempotencyRequired: true }); read by @CommandCtx(). */
export const IDEMPOTENCY_REQUIRED = 'aftersales:idempotency-required';

/** Per route handler: its metadata does not change once the app runs. */
const idempotencyRequired = new WeakMap<object, boolean>();

function requiresIdempotencyKey(handler: object): boolean {
  let required = idempotencyRequired.get(handler);
  if (required === undefined) {
    required = Reflect.getMetadata(IDEMPOTENCY_REQUIRED, handler) === true;
    idempotencyRequired.set(handler, required);
  }
  return required;
}

/**
 * The CommandContext of this request: actor (the verified caller, see identityOf), command key (Idempotency-Key),
 * expected revision (If-Match), correlation id and trace. Bad headers → 400 naming them.
 * The correlation id is echoed in the response so a caller can find the events its request caused.
 */
export const CommandCtx = createParamDecorator(
  (options: CommandContextOptions | undefined, ctx: ExecutionContext): CommandContext => {
    const req = ctx.switchToHttp().getRequest<HttpRequestLike>();
    const required = requiresIdempotencyKey(ctx.getHandler());
    const commandContext = commandContextFrom(req, { idempotencyRequired: options?.idempotencyRequired ?? required });
    const res = ctx.switchToHttp().getResponse<Partial<HttpResponseLike>>();
    if (commandContext.correlationId) res.setHeader?.(COMMAND_HEADERS.correlationId, commandContext.correlationId);
    return commandContext;
  },
);
