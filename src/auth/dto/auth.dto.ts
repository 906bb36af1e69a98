import { STAFF_GRANTS, type StaffGrant } from '../../staff-roles/staff-roles.constants';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsString, Length, Matches, MaxLength } from 'class-validator';
import { Optional } from '../../common/http/validation';
import { PASSWORD_MAX } from '../auth.constants';
import { LOCALES, type Locale } from '../../users/users.constants';

export const normaliseEmail = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

const EMAIL_MESSAGE = 'email must be an e-mail address such as name@example.org';
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

export class EmailField {
  @ApiProperty({ example: 'anna@example.org' })
  @Transform(normaliseEmail)
  @IsEmail({}, { message: EMAIL_MESSAGE })
  @MaxLength(254, { message: 'email must be at most 254 characters long' })
  email: string;
}

export class RegisterDto extends EmailField {
  @ApiProperty({ minLength: 12, maxLength: 128, description: '12 to 128 characters, not a common password' })
  @IsString({ message: 'password must be text' })
  // The policy (length in characters, common passwords) is checked by the service, with clear messages.
  @MaxLength(PASSWORD_MAX * 4, { message: `password must be at most ${PASSWORD_MAX} characters long` })
  password: string;

  @ApiProperty({ example: 'Anna Kowalska' })
  @Transform(trim)
  @IsString({ message: 'displayName must be text' })
  @Length(1, 100, { message: 'displayName must be 1 to 100 characters long' })
  displayName: string;

  @ApiProperty({ enum: LOCALES, description: 'Language of the interface and of e-mails' })
  @IsIn(LOCALES, { message: 'locale must be pl or en' })
  locale: Locale;
}

export class LoginDto extends EmailField {
  @ApiProperty()
  @IsString({ message: 'password must be text' })
  @MaxLength(PASSWORD_MAX * 4, { message: `password must be at most ${PASSWORD_MAX} characters long` })
  password: string;
}

export class TokenDto {
  @ApiProperty({ description: 'The token from the e-mail link' })
  @IsString({ message: 'token must be text' })
  @Matches(TOKEN, { message: 'token is not a valid link token: open the link from the e-mail again' })
  token: string;
}

export class PasswordResetConfirmDto extends TokenDto {
  @ApiProperty({ minLength: 12, maxLength: 128 })
  @IsString({ message: 'password must be text' })
  @MaxLength(PASSWORD_MAX * 4, { message: `password must be at most ${PASSWORD_MAX} characters long` })
  password: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString({ message: 'currentPassword must be text' })
  @MaxLength(PASSWORD_MAX * 4)
  currentPassword: string;
  @ApiProperty({ minLength: 12, maxLength: 128 })
  @IsString({ message: 'newPassword must be text' })
  @MaxLength(PASSWORD_MAX * 4, { message: `newPassword must be at most ${PASSWORD_MAX} characters long` })
  newPassword: string;
}

export class ChangeEmailDto {
  @ApiProperty()
  @IsString({ message: 'currentPassword must be text' })
  @MaxLength(PASSWORD_MAX * 4)
  currentPassword: string;
  @ApiProperty({ example: 'anna.new@example.org' })
  @Transform(normaliseEmail)
  @IsEmail({}, { message: 'newEmail must be an e-mail address such as name@example.org' })
  @MaxLength(254)
  newEmail: string;
}

export class CurrentPasswordDto {
  @ApiProperty({ description: 'Your current password, to confirm' })
  @IsString({ message: 'currentPassword must be text' })
  @MaxLength(PASSWORD_MAX * 4)
  currentPassword: string;
}

export class UpdateProfileDto {
  @ApiPropertyOptional()
  @Optional()
  @Transform(trim)
  @IsString()
  @Length(1, 100, { message: 'displayName must be 1 to 100 characters long' })
  displayName?: string;
  @ApiPropertyOptional({ enum: LOCALES })
  @Optional()
  @IsIn(LOCALES, { message: 'locale must be pl or en' })
  locale?: Locale;
}

export class AccessTokenDto {
  @ApiProperty({ description: 'JWT for the Authorization: Bearer header; valid 15 minutes' }) accessToken: string;
  @ApiProperty({ example: 900 }) expiresIn: number;
}

export class NoticeDto {
  @ApiProperty({ example: 'If the address is registered, we have sent it a link.' }) message: string;
}

export class LoginSessionDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true }) userAgent: string | null;
  @ApiProperty({ type: String, nullable: true }) ip: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() lastUsedAt: string;
  @ApiProperty({ description: 'The session making this request' }) current: boolean;
}

export class SessionListDto {
  @ApiProperty({ type: [LoginSessionDto] }) items: LoginSessionDto[];
}

export class MeDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: LOCALES }) locale: Locale;
  @ApiProperty({ enum: ['member', 'moderator', 'admin'] }) role: string;
  @ApiProperty({
    enum: STAFF_GRANTS,
    enumName: 'StaffGrant',
    isArray: true,
    description:
      'Roles an admin granted on top of the platform role (registry_editor: may change the partner-city registry)',
  })
  grants: StaffGrant[];
  @ApiProperty() emailVerified: boolean;
  @ApiProperty() createdAt: string;
}
