import { Controller, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Type, type Static } from '@sinclair/typebox';
import type { Clock, Keyring } from '@aftersales/kernel';
import {
  PROBLEM_CONTENT_TYPE,
  ProblemException,
  ProblemSchema,
  ValidBody,
  AccessControlled,
  badRequest,
  identityOf,
  problem,
  toOpenApiSchema,
  type ProjectionAdmin,
} from '@aftersales/nest';
import { ERASURE_ACCESS } from './admin.access';

export const BUYER_ERASURE = 'aftersales:BUYER_ERASURE';

/** What an erasure needs: the buyers' keys, the business clock, and the read models to rewrite. */
export interface BuyerErasureDeps {
  keyring: Keyring;
  clock: Clock;
  projections: ProjectionAdmin;
}

const ErasureBodySchema = Type.Object(
  {
    reason: Type.String({
      minLength: 1,
      maxLength: 500,
      description: 'Why the data is erased (the request, the ticket): kept with the erasure',
    }),
  },
  { additionalProperties: false },
);
type ErasureBody = Static<typeof ErasureBodySchema>;

const ErasureResponseSchema = Type.Object(
  {
    buyerId: Type.String(),
    erasedAt: Type.String({ format: 'date-time', description: 'When the keys were shredded (the first erasure, for a repeated one)' }),
    erasedBy: Type.Object({ id: Type.String(), role: Type.String() }, { description: 'Who erased' }),
    reason: Type.String(),
    sequence: Type.Integer({ minimum: 1, description: "Number of this erasure on the buyer's erasure stream" }),
    keysShredded: Type.Integer({ minimum: 0, description: "Data keys deleted: the buyer's personal data they sealed now reads [erased]" }),
    alreadyErased: Type.Boolean({ description: 'True when nothing was left to erase: the first erasure is answered, nothing is recorded' }),
    projectionsRebuilt: Type.Array(Type.String(), { description: 'Read models rewritten from the log so that none keeps the erased data' }),
  },
  { additionalProperties: false },
);
type ErasureResponse = Static<typeof ErasureResponseSchema>;

const BUYER_ID = /^[\x21-\x7e]{1,128}$/;

/**
 * Crypto-shredding of a buyer's personal data: deleting the buyer's data keys makes the name, phone, address and text
 * the buyer wrote unreadable in the log, on the bus and in every backup; the read models are then rebuilt from the log
 * so none keeps a clear copy. Amounts, decisions and the audit do not depend on that data and stay as they were.
 */
@ApiTags('operations')
@Controller('admin/buyers')
@AccessControlled(ERASURE_ACCESS)
export class ErasureController {
  constructor(@Inject(BUYER_ERASURE) private readonly deps: BuyerErasureDeps) {}

  @Post(':buyerId/erasure')
  @HttpCode(200)
  @ApiOperation({
    summary: "Erase a buyer's personal data (admin): shreds the buyer's keys, records who, when and why, rewrites the read models",
    description:
      'Idempotent: erasing a buyer again with nothing new to erase answers 200 with the first erasure and alreadyErased: true ' +
      '(and rewrites the read models again). ' +
      'Data of the buyer seen after an erasure is sealed under a new key, which a later erasure shreds in turn.',
  })
  @ApiParam({ name: 'buyerId', schema: { type: 'string', pattern: BUYER_ID.source } })
  @ApiResponse({ status: 200, description: 'The erasure', schema: toOpenApiSchema(ErasureResponseSchema) })
  @ApiResponse({ status: 400, description: 'Invalid buyer id or reason', content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } } })
  @ApiResponse({
    status: 403,
    description: 'Only an admin erases (rule admin.erasure_by_admin)',
    content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } },
  })
  async erase(
    @Req() req: object,
    @Param('buyerId') buyerId: string,
    @ValidBody(ErasureBodySchema) body: ErasureBody,
  ): Promise<ErasureResponse> {
    const caller = identityOf(req); // the access table let only an admin through
    if (!caller) throw new ProblemException(problem(401, 'unauthenticated', 'This route needs a verified caller'));
    if (!BUYER_ID.test(buyerId))
      throw badRequest('Invalid buyer id', [{ field: '/buyerId', message: 'must be 1-128 printable characters' }]);
    const { record, repeated } = await this.deps.keyring.erase({
      subjectId: buyerId,
      erasedAt: this.deps.clock.now().toISOString(),
      actor: { id: caller.id, role: caller.role },
      reason: body.reason,
    });
    // Also after a repeated erasure: another process of the system may have shredded the keys (the gateway asks each).
    const projectionsRebuilt: string[] = [];
    for (const name of this.deps.projections.names()) {
      await this.deps.projections.rebuild(name);
      projectionsRebuilt.push(name);
    }
    return {
      buyerId,
      erasedAt: record.erasedAt,
      erasedBy: record.actor,
      reason: record.reason,
      sequence: record.sequence,
      keysShredded: repeated ? 0 : record.keysShredded,
      alreadyErased: repeated,
      projectionsRebuilt,
    };
  }
}
