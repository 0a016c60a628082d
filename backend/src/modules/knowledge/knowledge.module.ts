import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.ts';
import { JobsModule } from '../jobs/index.ts';
import { NluModule } from '../nlu/index.ts';
import { DraftRepository } from './draft.repository.ts';
import { ItemRepository } from './item.repository.ts';
import { KnowledgeBase } from './knowledge-base.service.ts';
import { KnowledgeDraftsController } from './knowledge-drafts.controller.ts';
import { KnowledgeDrafts } from './knowledge-drafts.service.ts';
import { KnowledgeFilesController } from './knowledge-files.controller.ts';
import { KnowledgeImport } from './knowledge-import.use-case.ts';
import { KnowledgeReleasesController } from './knowledge-releases.controller.ts';
import { KnowledgeReleases } from './knowledge-releases.service.ts';
import { KnowledgeSeed } from './knowledge-seed.service.ts';
import { KnowledgeSpreadsheets } from './knowledge-spreadsheets.service.ts';
import { KnowledgeTrainingsController } from './knowledge-trainings.controller.ts';
import { PublishRelease } from './publish-release.use-case.ts';
import { ReleaseRepository } from './release.repository.ts';
import { ReleaseRetraining } from './release-retraining.service.ts';
import { ReleaseWriter } from './release-writer.ts';
import { RollbackRelease } from './rollback-release.use-case.ts';
import { SpreadsheetUploadParser } from './spreadsheet-upload.parser.ts';
import { TrainingRepository } from './training.repository.ts';

/** FAQ items, intents and chit-chat: drafts, maker-checker publishing, releases with diff and rollback, retraining. */
@Module({
  imports: [AuditModule, NluModule, JobsModule],
  controllers: [
    KnowledgeDraftsController,
    KnowledgeReleasesController,
    KnowledgeFilesController,
    KnowledgeTrainingsController,
  ],
  providers: [
    ReleaseRepository,
    ItemRepository,
    DraftRepository,
    TrainingRepository,
    ReleaseWriter,
    KnowledgeBase,
    KnowledgeSeed,
    KnowledgeDrafts,
    KnowledgeReleases,
    PublishRelease,
    RollbackRelease,
    ReleaseRetraining,
    KnowledgeImport,
    KnowledgeSpreadsheets,
    SpreadsheetUploadParser,
  ],
  exports: [KnowledgeBase],
})
export class KnowledgeModule {}
