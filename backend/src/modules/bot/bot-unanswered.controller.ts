import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Permission, RequirePermission } from '../../common/access/index.ts';
import { SuggestionResponse } from './dto/suggestion.response.ts';
import { SuggestionsQuery } from './dto/suggestions.query.ts';
import { KnowledgeSuggestions } from './unanswered/knowledge-suggestions.service.ts';

/** Knowledge-base suggestions mined from what the bot could not answer (texts stored with personal data masked). */
@ApiTags('bot')
@ApiBearerAuth()
@Controller('api/v1/bot/unanswered')
export class BotUnansweredController {
  constructor(private readonly suggestions: KnowledgeSuggestions) {}

  @Get('suggestions')
  @RequirePermission(Permission.BotUnansweredRead)
  suggest(@Query() query: SuggestionsQuery): Promise<SuggestionResponse[]> {
    return this.suggestions.suggest(query);
  }
}
