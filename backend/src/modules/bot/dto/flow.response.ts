import { ApiProperty } from '@nestjs/swagger';
import type { StoredFlow } from '../flows/flow.repository.ts';

export class FlowResponse {
  @ApiProperty({ example: 'report-lost-card' })
  id!: string;

  @ApiProperty({ description: 'Goes up by one with every change' })
  version!: number;

  @ApiProperty()
  triggers!: string[];

  @ApiProperty()
  enabled!: boolean;

  @ApiProperty({ type: 'object', additionalProperties: true })
  definition!: Record<string, unknown>;

  @ApiProperty({ description: 'Who made the last change (staff subject id, or kefu-defaults for a seeded flow)' })
  updatedBy!: string;

  @ApiProperty()
  updatedAt!: string;

  static of(flow: StoredFlow): FlowResponse {
    return {
      id: flow.id,
      version: flow.version,
      triggers: flow.triggers,
      enabled: flow.enabled,
      definition: flow.definition,
      updatedBy: flow.updatedBy,
      updatedAt: flow.updatedAt.toISOString(),
    };
  }
}
