/**
 * The reference for the HTTP figures: a bare NestJS app on the same Express adapter as the platform
 * (NestFactory.create, @nestjs/platform-express), one POST route echoing its small JSON body and one GET route
 * answering a small JSON document. `node bare-nest-app.js <port>`; prints `listening on` when ready.
 */
import 'reflect-metadata';
import { Body, Controller, Get, HttpCode, Module, Param, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

@Controller()
class EchoController {
  @Post('echo/:id')
  @HttpCode(201)
  echo(@Param('id') id: string, @Body() body: Record<string, unknown>): Record<string, unknown> {
    return { id, ...body };
  }

  @Get('items/:id')
  item(@Param('id') id: string): Record<string, unknown> {
    return { id, status: 'awaiting_shipment', total: 101_000, currency: 'CNY', revision: 3 };
  }
}

@Module({ controllers: [EchoController] })
class BareModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create(BareModule, { logger: ['error', 'warn'] });
  await app.listen(Number(process.argv[2] ?? 0), '127.0.0.1');
  console.log(`bare NestJS listening on ${await app.getUrl()}`);
  const stop = (): void => void app.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void main();
