import { Body, Controller, Get, HttpCode, Post, Query, Res, UnsupportedMediaTypeException } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Actor, CurrentActor, Permission, RequirePermission } from '../../common/access/index.ts';
import { AuditRepository } from './audit.repository.ts';
import { AuditAction } from './audit-action.ts';
import { AuditClock } from './audit-clock.ts';
import { AuditExportCheck } from './audit-export-check.service.ts';
import { EXPORT_UPLOAD_MEDIA_TYPE } from './audit-export-upload.parser.ts';
import { AuditExporter } from './audit-exporter.service.ts';
import { AuditOutcome } from './audit-outcome.ts';
import { AuditTrail } from './audit-trail.service.ts';
import { AuditVerification } from './audit-verification.service.ts';
import { AuditEventResponse } from './dto/audit-event.response.ts';
import { AuditEventPageResponse } from './dto/audit-event-page.response.ts';
import { ExportAuditQuery } from './dto/export-audit.query.ts';
import { ExportVerificationResponse } from './dto/export-verification.response.ts';
import { SearchAuditEventsQuery } from './dto/search-audit-events.query.ts';
import { VerificationResponse } from './dto/verification.response.ts';
import { VerifyAuditRequest } from './dto/verify-audit.request.ts';

/** The auditor's API (三员分立: only the auditor role holds these permissions). Exports and verifications are audited. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit')
export class AuditController {
  constructor(
    private readonly repository: AuditRepository,
    private readonly exporter: AuditExporter,
    private readonly verification: AuditVerification,
    private readonly trail: AuditTrail,
    private readonly exportCheck: AuditExportCheck,
    private readonly clock: AuditClock,
  ) {}

  @Get('events')
  @RequirePermission(Permission.AuditRead)
  @ApiOkResponse({ type: AuditEventPageResponse })
  async search(@Query() query: SearchAuditEventsQuery): Promise<AuditEventPageResponse> {
    const limit = query.limit ?? 100;
    // Only chained events are searchable: seal first, so an auditor sees every event committed before the request.
    await this.trail.flush();
    const records = await this.repository.search({
      actorId: query.actorId,
      action: query.action,
      targetType: query.targetType,
      targetId: query.targetId,
      outcome: query.outcome,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      afterSeq: query.afterSeq,
      limit,
    });
    const items = records.map(AuditEventResponse.of);
    return { items, nextAfterSeq: records.length === limit ? (records.at(-1)?.seq ?? null) : null };
  }

  @Get('export')
  @RequirePermission(Permission.AuditExport)
  @ApiProduces('application/x-ndjson', 'text/csv')
  async export(
    @Query() query: ExportAuditQuery,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const format = query.format ?? 'jsonl';
    const { body } = await this.trail.runAudited(
      (made) => ({
        actor,
        action: AuditAction.AuditExport,
        outcome: AuditOutcome.Success,
        target: { type: 'audit-range', id: `${query.fromSeq ?? 'first'}-${query.toSeq ?? 'last'}` },
        details: { format, count: made.count },
      }),
      () => this.exporter.export({ fromSeq: query.fromSeq, toSeq: query.toSeq }, format),
    );
    void reply
      .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
      .header('content-disposition', `attachment; filename="kefu-audit.${format}"`);
    return body;
  }

  @Post('verify')
  @HttpCode(200)
  @RequirePermission(Permission.AuditVerify)
  @ApiOkResponse({ type: VerificationResponse })
  async verify(@Body() request: VerifyAuditRequest, @CurrentActor() actor: Actor): Promise<VerificationResponse> {
    const verifiedAt = this.clock.now().toISOString();
    // Where the walk starts: after the newest archive purge, or the row before fromSeq (as AuditVerification decides).
    const archived = (await this.repository.archiveAnchor())?.upToSeq ?? 0;
    const start = request.fromSeq !== undefined && request.fromSeq > archived + 1 ? request.fromSeq - 1 : archived;
    const result = await this.verification.verify({ fromSeq: request.fromSeq });
    await this.trail.record({
      actor,
      action: AuditAction.AuditVerify,
      outcome: result.ok ? AuditOutcome.Success : AuditOutcome.Failure,
      details: { from_seq: request.fromSeq ?? null, ...result },
    });
    return {
      ok: result.ok,
      checked: result.checked,
      first_bad_seq: result.first_bad_seq,
      reason: result.reason,
      verified_up_to_seq: result.ok ? start + result.checked : null,
      verified_at: verifiedAt,
    };
  }

  /** An export file, uploaded as it was downloaded: the same answer as `kefu audit verify-export`, and audited. */
  @Post('verify-export')
  @HttpCode(200)
  @RequirePermission(Permission.AuditVerify)
  @ApiConsumes(EXPORT_UPLOAD_MEDIA_TYPE)
  @ApiBody({ description: 'The export file (JSON Lines or CSV), byte for byte' })
  @ApiOkResponse({ type: ExportVerificationResponse })
  async verifyExport(@Body() file: unknown, @CurrentActor() actor: Actor): Promise<ExportVerificationResponse> {
    if (!Buffer.isBuffer(file)) throw new UnsupportedMediaTypeException(`send the file as ${EXPORT_UPLOAD_MEDIA_TYPE}`);
    const { ok, checked, first_bad_seq, reason, key_id, hmac_checked, signed_by_this_installation } =
      await this.exportCheck.verify(file, actor);
    return { ok, checked, first_bad_seq, reason, key_id, hmac_checked, signed_by_this_installation };
  }
}
