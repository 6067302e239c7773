// One question of a visit: domain, topic, the DigiD step, organisations, help given,
// course and referral. Follow-up questions appear only when their answer needs them.

import type { Partner } from '../../core/partners/partner';
import {
  type CatalogueOption,
  findTopic,
  offeredOptions,
  offeredTopics,
} from '../../core/registration/catalogue';
import { organisationsForTopic, type QuestionDraft } from '../../core/registration/draft';
import { referralKindFor } from '../../core/registration/referral';
import { ChoiceGroup } from '../ChoiceGroup';
import { deferred } from '../deferred';
import type { CatalogueView } from '../hooks';
import { OrganisationChoices } from './OrganisationChoices';
import { text } from './text';

// Opening hours and the partner view load only once a question refers a visitor, so they
// stay off the first page (the service worker precaches the chunk for offline use).
export const PartnerSuggestions = deferred(() =>
  import('./PartnerSuggestions').then((m) => m.PartnerSuggestions),
);

export interface QuestionFieldsProps {
  readonly index: number;
  readonly count: number;
  readonly question: QuestionDraft;
  readonly catalogue: CatalogueView;
  /** The partners that help with this question's topic, for a referral. */
  readonly suggestions: readonly Partner[];
  readonly now: number;
  readonly problems: {
    domain?: string | undefined;
    topic?: string | undefined;
    referral?: string | undefined;
  };
  readonly onChange: (question: QuestionDraft) => void;
  readonly onRemove: () => void;
}

export function QuestionFields(props: QuestionFieldsProps) {
  const { index, count, question, catalogue, problems, onChange } = props;
  const { base, custom } = catalogue;
  const topic = question.topic ? findTopic(base, custom, question.topic) : undefined;
  const name = (field: string) => `q${index}-${field}`;
  const set = (patch: Partial<QuestionDraft>) => onChange({ ...question, ...patch });

  const organisations = offeredOptions(base, custom, 'organisations');
  const offeredIds = organisations.map((option) => option.id);
  const suggested = new Set(topic?.organisations ?? []);
  const chosen = new Set(question.organisations);
  const first = organisations.filter((o) => suggested.has(o.id) || chosen.has(o.id));
  const more = organisations.filter((o) => !suggested.has(o.id) && !chosen.has(o.id));

  return (
    <section class="question-card" aria-labelledby={name('title')} data-testid="question">
      <div class="question-head">
        <h2 id={name('title')}>{text.register.question(index + 1)}</h2>
        {count > 1 ? (
          <button type="button" class="button button-small button-quiet" onClick={props.onRemove}>
            {text.register.removeQuestion(index + 1)}
          </button>
        ) : null}
      </div>
      <ChoiceGroup
        name={name('domain')}
        legend={text.register.domain}
        fold
        options={offeredOptions(base, custom, 'domains')}
        value={question.domain}
        onChange={(domain) =>
          set({
            domain,
            topic: null,
            digidStep: null,
            organisations: organisationsForTopic(
              question.organisations,
              topic,
              undefined,
              offeredIds,
            ),
          })
        }
        error={problems.domain}
        compact
      />
      {question.domain ? (
        <ChoiceGroup
          name={name('topic')}
          legend={text.register.topic}
          fold
          options={offeredTopics(base, custom, question.domain)}
          value={question.topic}
          onChange={(id) => {
            const next = findTopic(base, custom, id);
            set({
              topic: id,
              digidStep: next?.digid ? question.digidStep : null,
              organisations: organisationsForTopic(question.organisations, topic, next, offeredIds),
            });
          }}
          error={problems.topic}
          compact
        />
      ) : null}
      {topic?.digid ? (
        <ChoiceGroup
          name={name('digid')}
          legend={text.register.digidStep}
          fold
          options={offeredOptions(base, custom, 'digidSteps')}
          value={question.digidStep}
          onChange={(digidStep) => set({ digidStep })}
          compact
        />
      ) : null}
      {question.topic ? (
        <>
          <ChoiceGroup
            name={name('help')}
            legend={text.register.help}
            options={offeredOptions(base, custom, 'help')}
            value={question.help}
            onChange={(help) => set({ help })}
            multiple
            compact
          />
          {question.help.includes('cursus') ? (
            <ChoiceGroup
              name={name('course')}
              legend={text.register.course}
              fold
              options={offeredOptions(base, custom, 'courses')}
              value={question.course}
              onChange={(course) => set({ course })}
              compact
            />
          ) : null}
          {question.help.includes('doorverwezen') ? (
            <div class="referral">
              <ChoiceGroup
                name={name('referral')}
                legend={text.register.referralKind}
                fold
                options={offeredOptions(base, custom, 'referralKinds')}
                value={question.referralKind}
                onChange={(referralKind) => set({ referralKind })}
                error={problems.referral}
                compact
              />
              <ChoiceGroup
                name={name('warm')}
                legend={text.register.referralHow}
                options={WARMTH}
                value={question.referralWarm ? 'warm' : 'koud'}
                onChange={(value) => set({ referralWarm: value === 'warm' })}
                compact
              />
              {question.topic ? (
                <PartnerSuggestions
                  name={name('partner')}
                  topic={question.topic}
                  partners={props.suggestions}
                  now={props.now}
                  value={question.partnerId}
                  onChange={(partner) =>
                    set({
                      partnerId: partner?.id ?? null,
                      // A chosen partner answers "Naar wie verwezen?" too, unless staff did.
                      ...(partner && !question.referralKind
                        ? { referralKind: referralKindFor(partner) }
                        : {}),
                    })
                  }
                />
              ) : null}
            </div>
          ) : null}
          <OrganisationChoices
            name={name('organisations')}
            first={first}
            more={more}
            value={question.organisations}
            onChange={(ids) => set({ organisations: ids })}
          />
        </>
      ) : null}
    </section>
  );
}

const WARMTH: readonly CatalogueOption[] = [
  { id: 'warm', label: text.register.warm },
  { id: 'koud', label: text.register.cold },
];
