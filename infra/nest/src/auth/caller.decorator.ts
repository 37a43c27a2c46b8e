import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { unauthenticated } from './access.guard';
import { identityOf, type Identity } from './identity';

/** The verified caller of the request (the AccessGuard has already refused a request without one). */
export const Caller = createParamDecorator((_options: unknown, ctx: ExecutionContext): Identity => {
  const identity = identityOf(ctx.switchToHttp().getRequest<object>());
  if (!identity) throw unauthenticated();
  return identity;
});
