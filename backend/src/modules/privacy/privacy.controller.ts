import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Permission, RequirePermission } from '../../common/access/index.ts';
import { uuidParam } from '../../common/errors/uuid-param.pipe.ts';
import { CustomerErasure } from './customer-erasure.use-case.ts';
import { CustomerProfiles } from './customer-profiles.service.ts';
import { CreateCustomerProfileRequest } from './dto/create-customer-profile.request.ts';
import { CustomerProfileResponse } from './dto/customer-profile.response.ts';
import { EraseCustomerRequest } from './dto/erase-customer.request.ts';
import { ErasureResponse } from './dto/erasure.response.ts';
import { LegalHoldResponse } from './dto/legal-hold.response.ts';
import { PlaceLegalHoldRequest } from './dto/place-legal-hold.request.ts';
import { RevealPersonalDataRequest } from './dto/reveal-personal-data.request.ts';
import { RevealedPersonalDataResponse } from './dto/revealed-personal-data.response.ts';
import { SearchCustomerProfilesRequest } from './dto/search-customer-profiles.request.ts';
import { LegalHolds } from './legal-holds.service.ts';

/**
 * Personal data for staff: masked by default, revealed with a reason to roles granting personal-data.reveal, erased
 * (crypto-shredded) and held by the security administrator. Erasure and holds require keys.manage: erasure *is* the
 * destruction of a key, and the security administrator who holds that permission has no content access (三员分立),
 * so the person who erases a customer cannot read them.
 */
@ApiTags('privacy')
@ApiBearerAuth()
@Controller('api/v1/privacy')
export class PrivacyController {
  constructor(
    private readonly profiles: CustomerProfiles,
    private readonly erasure: CustomerErasure,
    private readonly holds: LegalHolds,
  ) {}

  @Post('customer-profiles')
  @RequirePermission(Permission.ConversationsHandle)
  @ApiCreatedResponse({ type: CustomerProfileResponse })
  async create(@Body() request: CreateCustomerProfileRequest): Promise<CustomerProfileResponse> {
    return CustomerProfileResponse.of(await this.profiles.create(request));
  }

  @Get('customer-profiles/:id')
  @RequirePermission(Permission.ConversationsHandle)
  @ApiOkResponse({ type: CustomerProfileResponse })
  async view(@Param('id', uuidParam('id')) id: string): Promise<CustomerProfileResponse> {
    return CustomerProfileResponse.of(await this.profiles.view(id));
  }

  @Post('customer-profiles/search')
  @HttpCode(200)
  @RequirePermission(Permission.ConversationsHandle)
  @ApiOkResponse({ type: [CustomerProfileResponse] })
  async search(@Body() request: SearchCustomerProfilesRequest): Promise<CustomerProfileResponse[]> {
    return (await this.profiles.searchByPhone(request.phone)).map(CustomerProfileResponse.of);
  }

  @Post('reveal')
  @HttpCode(200)
  @RequirePermission(Permission.PersonalDataReveal)
  @ApiOkResponse({ type: RevealedPersonalDataResponse })
  async reveal(
    @Body() request: RevealPersonalDataRequest,
    @CurrentActor() actor: Actor,
  ): Promise<RevealedPersonalDataResponse> {
    const value = await this.profiles.reveal(request.profileId, request.field, request.reason, actor);
    return { profileId: request.profileId, field: request.field, value };
  }

  @Post('customer-profiles/:id/erasure')
  @HttpCode(200)
  @RequirePermission(Permission.KeysManage)
  @ApiOkResponse({ type: ErasureResponse })
  async erase(
    @Param('id', uuidParam('id')) id: string,
    @Body() request: EraseCustomerRequest,
    @CurrentActor() actor: Actor,
  ): Promise<ErasureResponse> {
    return ErasureResponse.of(await this.erasure.erase(id, actor, request.reason, 'request'));
  }

  @Post('legal-holds')
  @RequirePermission(Permission.KeysManage)
  @ApiCreatedResponse({ type: LegalHoldResponse })
  async placeHold(@Body() request: PlaceLegalHoldRequest, @CurrentActor() actor: Actor): Promise<LegalHoldResponse> {
    return LegalHoldResponse.of(
      await this.holds.place(request.dataClass, request.subjectId ?? null, request.reason, actor),
    );
  }

  @Post('legal-holds/:id/release')
  @HttpCode(200)
  @RequirePermission(Permission.KeysManage)
  @ApiOkResponse({ type: LegalHoldResponse })
  async releaseHold(
    @Param('id', uuidParam('id')) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<LegalHoldResponse> {
    return LegalHoldResponse.of(await this.holds.release(id, actor));
  }
}
