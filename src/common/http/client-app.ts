import type { FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The built web client (client/dist): its index.html answers every client-side route. */
export class ClientApp {
  private readonly indexHtml?: string;

  constructor(readonly dir: string) {
    const index = join(dir, 'index.html');
    if (existsSync(index)) this.indexHtml = readFileSync(index, 'utf8');
  }

  get built(): boolean {
    return this.indexHtml !== undefined;
  }

  serves(request: FastifyRequest): boolean {
    const path = request.url.split('?')[0];
    return (
      this.built &&
      (request.method === 'GET' || request.method === 'HEAD') &&
      !path.startsWith('/api/') &&
      path !== '/api' &&
      !path.startsWith('/health') &&
      !/\.[a-z0-9]+$/i.test(path) // a missing asset stays a 404
    );
  }

  sendIndex(reply: FastifyReply): FastifyReply {
    return reply.status(200).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(this.indexHtml);
  }
}
