import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { uuidParam } from '../../common/http/params';
import { ReaderLanguage } from '../../common/i18n/reader-language';
import type { Locale } from '../../users/users.constants';
import { CurrentUser, Public, type AuthUser } from '../../auth/auth-user';
import { AgendaDto, AgendaQueryDto } from './dto/agenda.dto';
import { AgendaService } from './agenda.service';

@ApiTags('forum')
@Controller('api/v1/forum')
export class AgendaController {
  constructor(private readonly agendas: AgendaService) {}

  @Public()
  @Get('editions/:id/agenda')
  @ApiOperation({ summary: 'The public agenda by day and room, filterable by area and language' })
  @ApiOkResponse({ type: AgendaDto })
  agenda(
    @Param('id', uuidParam('id')) id: string,
    @Query() query: AgendaQueryDto,
    @ReaderLanguage() language: Locale,
    @CurrentUser() user?: AuthUser,
  ): Promise<AgendaDto> {
    return this.agendas.agenda(id, user, query, language);
  }

  @Public()
  @Get('editions/:id/agenda.ics')
  @ApiProduces('text/calendar')
  @Header('content-type', 'text/calendar; charset=utf-8')
  @ApiOperation({ summary: 'The agenda as iCalendar' })
  agendaCalendar(
    @Param('id', uuidParam('id')) id: string,
    @ReaderLanguage() language: Locale,
    @CurrentUser() user?: AuthUser,
  ): Promise<string> {
    return this.agendas.agendaCalendar(id, user, language);
  }
}
