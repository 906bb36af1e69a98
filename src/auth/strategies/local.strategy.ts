import { BadRequestException, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-local';
import type { User } from '../../users/entities/user.entity';
import { AuthService } from '../auth.service';
import { LoginDto } from '../dto/auth.dto';

/** passport-local: e-mail and password from the JSON body, validated like any DTO first. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  async validate(request: FastifyRequest, _email: string, _password: string): Promise<User> {
    const dto = plainToInstance(LoginDto, request.body ?? {});
    const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) {
      const fields = Object.fromEntries(
        errors.map((e) => [
          e.property,
          Object.values(e.constraints ?? {}).map((m) =>
            m === `property ${e.property} should not exist` ? `${e.property} is not a known field` : m,
          ),
        ]),
      );
      throw new BadRequestException({ message: Object.values(fields).flat().join('; '), fields });
    }
    return this.auth.validateCredentials(dto.email, dto.password, {
      ip: request.ip,
      userAgent: request.headers['user-agent'],
    });
  }
}
