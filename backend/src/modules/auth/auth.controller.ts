import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Public, RequirePermission } from '../../common/access/access.decorators.ts';
import type { Actor } from '../../common/access/actor.ts';
import { CurrentActor } from '../../common/access/current-actor.decorator.ts';
import { Permission } from '../../common/access/permission.ts';
import { permissionsOf } from '../../common/access/role-permissions.ts';
import { CurrentStaffResponse } from './dto/current-staff.dto.ts';
import { CreateVisitorTokenRequest, VisitorTokenResponse } from './dto/visitor-token.dto.ts';
import { VisitorTokens } from './visitor-tokens.ts';

@ApiTags('identity')
@Controller('api/v1')
export class AuthController {
  constructor(private readonly visitorTokens: VisitorTokens) {}

  /** Who the signed-in member of staff is and what their roles allow. */
  @Get('me')
  @ApiBearerAuth()
  @RequirePermission(Permission.SessionRead)
  me(@CurrentActor() actor: Actor): CurrentStaffResponse {
    return { id: actor.id, username: actor.username, roles: actor.roles, permissions: [...permissionsOf(actor.roles)] };
  }

  /** Open: the chat widget asks for a visitor token before the customer's first message. */
  @Post('visitor-tokens')
  @HttpCode(201)
  @Public()
  async createVisitorToken(@Body() request: CreateVisitorTokenRequest): Promise<VisitorTokenResponse> {
    return request.assertion
      ? this.visitorTokens.issueFromAssertion(request.assertion)
      : this.visitorTokens.issueAnonymous();
  }
}
