import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.ts';
import { ConversationsModule } from '../conversations/index.ts';
import { NluModule } from '../nlu/index.ts';
import { RoutingModule } from '../routing/index.ts';
import { QualityRepository } from './quality.repository.ts';
import { QualityInspector } from './quality-inspector.service.ts';
import { QualityReportRepository } from './quality-report.repository.ts';
import { QualityReportsController } from './quality-reports.controller.ts';
import { QualityReports } from './quality-reports.service.ts';
import { QualityReviewRepository } from './quality-review.repository.ts';
import { QualityReviewsController } from './quality-reviews.controller.ts';
import { QualityReviews } from './quality-reviews.service.ts';
import { QualityScoresController } from './quality-scores.controller.ts';
import { QualityScoring } from './quality-scoring.service.ts';
import { QualitySettingsController } from './quality-settings.controller.ts';
import { QualitySettings } from './quality-settings.use-case.ts';

/** Quality inspection (质检): rules as data, weighted scorecards, every closed conversation scored automatically. */
@Module({
  imports: [AuditModule, ConversationsModule, NluModule, RoutingModule],
  controllers: [QualitySettingsController, QualityScoresController, QualityReviewsController, QualityReportsController],
  providers: [
    QualityRepository,
    QualityReviewRepository,
    QualityScoring,
    QualityReviews,
    QualitySettings,
    QualityInspector,
    QualityReportRepository,
    QualityReports,
  ],
  exports: [QualityInspector],
})
export class QualityModule {}
