import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Permission, RequirePermission } from '../../common/access/index.ts';
import { uuidParam } from '../../common/errors/uuid-param.pipe.ts';
import { ActivationProposals } from './activation-proposals.service.ts';
import { ApproveActivation } from './approve-activation.use-case.ts';
import {
  ActivationProposalResponse,
  ApprovedActivationResponse,
  ListProposalsQuery,
  ProposeActivationRequest,
  RejectActivationRequest,
} from './dto/activation-proposal.dto.ts';

/** Maker-checker for manual activation: trainers propose a package, a different person approves or rejects it. */
@ApiTags('nlu')
@ApiBearerAuth()
@Controller('api/v1/nlu/activation-proposals')
export class ActivationProposalsController {
  constructor(
    private readonly proposals: ActivationProposals,
    private readonly approveActivation: ApproveActivation,
  ) {}

  @Post()
  @RequirePermission(Permission.ModelsTrain)
  @ApiCreatedResponse({
    type: ActivationProposalResponse,
    description: '404 when the package is not in the models directory',
  })
  async propose(
    @CurrentActor() actor: Actor,
    @Body() request: ProposeActivationRequest,
  ): Promise<ActivationProposalResponse> {
    const proposal = await this.proposals.propose({
      proposer: actor,
      model: request.model,
      package: request.package,
      note: request.note,
    });
    return ActivationProposalResponse.of(proposal);
  }

  @Get()
  @RequirePermission(Permission.ModelsTrain)
  @ApiOkResponse({ type: [ActivationProposalResponse], description: 'Newest first' })
  async list(@Query() query: ListProposalsQuery): Promise<ActivationProposalResponse[]> {
    return (await this.proposals.list(query.state, query.limit)).map(ActivationProposalResponse.of);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @RequirePermission(Permission.ModelsActivate)
  @ApiOkResponse({ type: ApprovedActivationResponse, description: 'Refused with 403 self_approval to the proposer' })
  async approve(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
  ): Promise<ApprovedActivationResponse> {
    const { proposal, model } = await this.approveActivation.execute(actor, id);
    return { ...ActivationProposalResponse.of(proposal), serving: model };
  }

  @Post(':id/reject')
  @HttpCode(200)
  @RequirePermission(Permission.ModelsActivate)
  @ApiOkResponse({ type: ActivationProposalResponse })
  async reject(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() request: RejectActivationRequest,
  ): Promise<ActivationProposalResponse> {
    return ActivationProposalResponse.of(await this.proposals.reject(actor, id, request.reason));
  }
}
