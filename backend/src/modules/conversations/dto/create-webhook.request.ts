import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUrl, Length } from 'class-validator';

export class CreateWebhookRequest {
  @ApiProperty({ example: 'https://app-gateway.bank.local/kefu/events' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  url!: string;

  @ApiProperty({ example: 'Mobile banking app gateway' })
  @IsString()
  @Length(1, 200)
  description!: string;
}
