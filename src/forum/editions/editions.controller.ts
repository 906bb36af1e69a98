import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { uuidParam } from '../../common/http/params';
import { CurrentUser, Public, Roles, type AuthUser } from '../../auth/auth-user';
import { CreateEditionDto, EditionDto, EditionListDto } from './dto/edition.dto';
import { EditionsService } from './editions.service';

@ApiTags('forum')
@Controller('api/v1/forum')
export class EditionsController {
  constructor(private readonly editionsService: EditionsService) {}

  @ApiBearerAuth()
  @Roles('moderator', 'admin')
  @Post('editions')
  @ApiOperation({ summary: 'Create an edition (city staff)' })
  @ApiCreatedResponse({ type: EditionDto })
  createEdition(@CurrentUser() user: AuthUser, @Body() dto: CreateEditionDto): Promise<EditionDto> {
    return this.editionsService.createEdition(user, dto);
  }

  @Public()
  @Get('editions')
  @ApiOperation({ summary: 'The editions, newest first' })
  @ApiOkResponse({ type: EditionListDto })
  editions(): Promise<EditionListDto> {
    return this.editionsService.listEditions();
  }

  @Public()
  @Get('editions/:id')
  @ApiOkResponse({ type: EditionDto })
  edition(@Param('id', uuidParam('id')) id: string): Promise<EditionDto> {
    return this.editionsService.getEdition(id);
  }

  @ApiBearerAuth()
  @Roles('moderator', 'admin')
  @Post('editions/:id/advance')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Move the edition on: planning, call for proposals open, agenda published, live, closed (city staff)',
  })
  @ApiOkResponse({ type: EditionDto })
  advance(@Param('id', uuidParam('id')) id: string, @CurrentUser() user: AuthUser): Promise<EditionDto> {
    return this.editionsService.advance(user, id);
  }
}
