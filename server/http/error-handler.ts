// Maps every failure to JSON `{ error: { code, message, issues? } }` with the right status; unknown API paths get 404.
import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, HTTP_STATUS } from '../../core/errors.ts';
import type { ErrorBody } from '../../core/ack.ts';

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    let body: ErrorBody;
    if (error instanceof AppError) {
      body = error.toBody();
    } else if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      const limit = request.routeOptions.bodyLimit ?? 0;
      body = { code: 'bad_request', message: `The upload is larger than the limit of ${limit >= 1024 * 1024 ? `${Math.round((limit / 1024 / 1024) * 10) / 10} MB` : `${Math.ceil(limit / 1024)} KB`}.` };
    } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      body = { code: error.statusCode === 404 ? 'not_found' : 'bad_request', message: error.message };
    } else {
      request.log.error({ err: error }, 'request failed');
      body = { code: 'internal', message: 'Something went wrong on our side. Please try again.' };
    }
    const status = error instanceof AppError ? HTTP_STATUS[error.code] : (error.statusCode ?? HTTP_STATUS[body.code]);
    void reply.code(status).send({ error: body });
  });
}

export function apiNotFound(path: string): { error: ErrorBody } {
  return { error: { code: 'not_found', message: `There is no API route ${path}.` } };
}
