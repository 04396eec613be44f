import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { AccessConfig } from './access-config.js';
import { ACCESS_CONFIG, AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { TokenService } from './token.service.js';
import { TokensController } from './tokens.controller.js';
import { WhoamiController } from './whoami.controller.js';

/** Without options: development defaults (anonymous reads on), as the tests and benchmarks boot it. */
const DEVELOPMENT: AccessConfig = { production: false, anonymousRead: true };

@Global()
@Module({})
export class AuthModule {
  static register(config: AccessConfig = DEVELOPMENT): DynamicModule {
    return {
      module: AuthModule,
      controllers: [WhoamiController, TokensController],
      providers: [
        AuthService,
        TokenService,
        { provide: ACCESS_CONFIG, useValue: config },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [AuthService, TokenService, ACCESS_CONFIG],
    };
  }
}
