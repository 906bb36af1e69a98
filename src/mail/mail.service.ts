import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { Locale } from '../users/users.constants';
import type { OutboxMail } from './entities/outbox-mail.entity';
import { MailRepository } from './mail.repository';
import { renderMail, type MailTemplate, type MailTemplates } from './mail-templates';

export interface MailRequest<T extends MailTemplate> {
  to: string;
  locale: Locale;
  template: T;
  params: MailTemplates[T];
  userId?: string | null;
}

/**
 * Sends e-mail through the outbox: a mail is stored (in the caller's transaction when given) and
 * then delivered from the stored row, over SMTP when SMTP_URL is set, otherwise to the log as one
 * JSON line `{ mail: { to, subject, text } }`. Failed deliveries are retried with back-off.
 */
@Injectable()
export class MailService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Mail');
  private readonly transport?: Transporter;
  private timer?: NodeJS.Timeout;
  private delivering?: Promise<unknown>;

  constructor(
    private readonly outbox: MailRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    if (config.smtpUrl) this.transport = createTransport(config.smtpUrl);
  }

  onApplicationBootstrap(): void {
    // Retries and mails left by a previous run; immediate sends happen after each enqueue.
    if (this.config.mailPollSeconds > 0) {
      this.timer = setInterval(() => void this.deliverNow(), this.config.mailPollSeconds * 1000);
      this.timer.unref();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.delivering;
  }

  /** Stores the mail. Call `deliverNow()` after the transaction commits (enqueueAndDeliver does both outside transactions). */
  async enqueue<T extends MailTemplate>(request: MailRequest<T>, manager?: EntityManager): Promise<void> {
    const { subject, text } = renderMail(request.template, request.locale, request.params);
    await this.outbox.insert(
      { to: request.to, subject, text, template: request.template, userId: request.userId ?? null },
      manager,
    );
  }

  async enqueueAndDeliver<T extends MailTemplate>(request: MailRequest<T>): Promise<void> {
    await this.enqueue(request);
    await this.deliverNow();
  }

  /** Delivers what is due; one delivery run at a time in this process (others skip locked rows). */
  async deliverNow(): Promise<void> {
    if (this.delivering) {
      await this.delivering;
    }
    this.delivering = this.outbox
      .deliverDue(50, (mail) => this.send(mail))
      .catch((error) => this.logger.error({ msg: 'mail delivery failed', err: String(error) }));
    await this.delivering;
    this.delivering = undefined;
  }

  private async send(mail: OutboxMail): Promise<'sent' | 'logged'> {
    if (this.transport) {
      await this.transport.sendMail({
        from: this.config.mailFrom,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
      });
      return 'sent';
    }
    this.logger.log({ msg: 'mail', mail: { to: mail.to, subject: mail.subject, text: mail.text } });
    return 'logged';
  }
}
