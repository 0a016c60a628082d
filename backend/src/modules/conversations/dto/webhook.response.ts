import { ApiProperty } from '@nestjs/swagger';

export class WebhookResponse {
  @ApiProperty() id!: string;
  @ApiProperty() url!: string;
  @ApiProperty() description!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() active!: boolean;
}

export class CreatedWebhookResponse {
  @ApiProperty({ type: WebhookResponse }) subscription!: WebhookResponse;
  @ApiProperty({ description: 'Signs every delivery (X-Kefu-Signature). Shown once: store it now.' })
  secret!: string;
}
