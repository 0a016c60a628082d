import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.ts';
import { ConversationsModule } from '../conversations/index.ts';
import { KnowledgeModule } from '../knowledge/index.ts';
import { AnalyticsController } from './analytics.controller.ts';
import { AnalyticsRepository } from './analytics.repository.ts';
import { ExportAnalyticsReport } from './analytics-export.use-case.ts';
import { AnalyticsReports } from './analytics-reports.service.ts';
import { CsatController } from './csat/csat.controller.ts';
import { CsatRatingRepository } from './csat/csat-rating.repository.ts';
import { ConversationRating } from './csat/rate-conversation.use-case.ts';

/** Service figures computed from the raw rows (docs/analytics.md), their export, and the widget's CSAT survey. */
@Module({
  imports: [AuditModule, ConversationsModule, KnowledgeModule],
  controllers: [AnalyticsController, CsatController],
  providers: [AnalyticsRepository, AnalyticsReports, ExportAnalyticsReport, CsatRatingRepository, ConversationRating],
})
export class AnalyticsModule {}
