import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { OptionalNotNull } from '../../../common/validation/optional-not-null.ts';
import { PageLimit } from '../../../common/validation/page-limit.ts';
import { Trimmed } from '../../../common/validation/trimmed.ts';
import type { StoredProposal } from '../activation-proposal.repository.ts';
import { type ProposalState, proposalStates } from '../proposal-state.ts';
import { MODEL_NAME_PATTERN, ModelStatusResponse, PACKAGE_PATTERN } from './model-status.dto.ts';

export class ProposeActivationRequest {
  @ApiProperty({ example: 'kb-zh', description: 'The model name the package would serve' })
  @IsString()
  @Matches(MODEL_NAME_PATTERN, { message: 'model must be a model name such as kb-zh' })
  model!: string;

  @ApiProperty({ description: 'A package folder inside the models directory', example: 'releases/kb-zh-r3' })
  @IsString()
  @Matches(PACKAGE_PATTERN, { message: 'package must be a folder inside the models directory' })
  package!: string;

  @ApiPropertyOptional({ example: '候选模型在新增问题上表现更好' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class RejectActivationRequest {
  @ApiProperty({ example: '留出集准确率下降，暂不上线' })
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

export class ListProposalsQuery {
  @ApiPropertyOptional({ enum: proposalStates })
  @OptionalNotNull()
  @IsIn(proposalStates)
  state?: ProposalState;

  @PageLimit({ default: 100, maximum: 500 })
  limit = 100;
}

export class ActivationProposalResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'kb-zh' })
  model!: string;

  @ApiProperty({ example: 'releases/kb-zh-r3' })
  package!: string;

  @ApiPropertyOptional({ nullable: true })
  note!: string | null;

  @ApiProperty({ description: 'Subject id of the trainer who proposed it' })
  proposedBy!: string;

  @ApiPropertyOptional({ nullable: true })
  proposedByName!: string | null;

  @ApiProperty({ enum: proposalStates })
  state!: ProposalState;

  @ApiPropertyOptional({ nullable: true })
  decidedBy!: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Rejection reason' })
  decisionNote!: string | null;

  @ApiProperty()
  createdAt!: Date;

  @ApiPropertyOptional({ nullable: true })
  decidedAt!: Date | null;

  static of(proposal: StoredProposal): ActivationProposalResponse {
    return {
      id: proposal.id,
      model: proposal.modelName,
      package: proposal.package,
      note: proposal.note,
      proposedBy: proposal.proposedBy,
      proposedByName: proposal.proposedByName,
      state: proposal.state,
      decidedBy: proposal.decidedBy,
      decisionNote: proposal.decisionNote,
      createdAt: proposal.createdAt,
      decidedAt: proposal.decidedAt,
    };
  }
}

export class ApprovedActivationResponse extends ActivationProposalResponse {
  @ApiProperty({ type: ModelStatusResponse, description: 'The model as it serves now' })
  serving!: ModelStatusResponse;
}
