import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { intParam, uuidParam } from '../../common/http/params';
import { CurrentUser, Public, Roles, type AuthUser } from '../../auth/auth-user';
import { QuestionActionDto, QuestionDto, QuestionListDto } from './dto/question.dto';
import { QaService } from './qa.service';

/** The Q&A over REST: reading it, and moderation by staff (asking and voting go over the socket, qa.gateway.ts). */
@ApiTags('forum')
@Controller('api/v1/forum')
export class QaController {
  constructor(private readonly qa: QaService) {}

  @Public()
  @Get('sessions/:id/questions')
  @ApiOperation({
    summary:
      "The Q&A: pinned first, then by votes (staff also see questions waiting for approval); a published session's for anyone, as its projector view shows it",
  })
  @ApiOkResponse({ type: QuestionListDto })
  async questions(@Param('id', uuidParam('id')) id: string, @CurrentUser() user?: AuthUser): Promise<QuestionListDto> {
    return { items: await this.qa.questions(id, user) };
  }

  @ApiBearerAuth()
  @Roles('moderator', 'admin')
  @Post('questions/:id/moderate')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Approve, pin, unpin, mark answered or hide (with a reason) a question (city staff)' })
  @ApiOkResponse({ type: QuestionDto })
  moderate(
    @Param('id', intParam('id', 'bigint')) id: number,
    @CurrentUser() user: AuthUser,
    @Body() dto: QuestionActionDto,
  ): Promise<QuestionDto> {
    return this.qa.moderateQuestion(user, id, dto.action, dto.reason);
  }
}
