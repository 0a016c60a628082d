import { Controller, Get, Header, NotFoundException, type OnModuleInit, Param, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../common/access/index.ts';
import { demoPage } from './demo-page.ts';
import { loadWidgetAssets, type StaticAsset } from './widget-assets.ts';

/** The chat widget's files and its demo page: public, since bank customers load them before anyone signs in. */
@ApiExcludeController()
@Controller('widget')
export class WidgetController implements OnModuleInit {
  private assets: Record<string, StaticAsset> = {};

  async onModuleInit(): Promise<void> {
    this.assets = await loadWidgetAssets();
  }

  @Get('demo')
  @Public()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('content-security-policy', "default-src 'self'; style-src 'self' 'unsafe-inline'")
  demo(@Query('lang') lang?: string): string {
    return demoPage(lang === 'en' ? 'en' : 'zh');
  }

  @Get(':file')
  @Public()
  asset(@Param('file') file: string, @Res({ passthrough: true }) reply: FastifyReply): Buffer {
    const asset = Object.hasOwn(this.assets, file) ? this.assets[file] : undefined;
    if (!asset) throw new NotFoundException(`file: no widget file named ${file}`);
    reply.header('content-type', asset.contentType).header('cache-control', 'public, max-age=300');
    return asset.body;
  }
}
