// "Sociale kaart": every partner, found as you type (typo-tolerant, via the core's MiniSearch
// index), filtered by topic, language and "nu open". The index is built once per change of
// the partners; the search and filters live in the address, so "back" returns to the results.

import './partners.css';
import { useMemo, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { Partner } from '../../core/partners/partner';
import { buildPartnerIndex, searchPartners } from '../../core/partners/search';
import { useNow } from '../hooks';
import { useAllPartners } from './hooks';
import { PartnerCard } from './PartnerCard';
import { TemplateButton } from './SheetHelp';
import { text } from './text';
import { type PartnerTopics, usePartnerTopics } from './view';

const PAGE = 50;

export function PartnersScreen() {
  const { query, route } = useLocation();
  const now = useNow(30_000);
  const [shown, setShown] = useState(PAGE);
  const partners = useAllPartners();
  const topics = usePartnerTopics();
  const index = useMemo(
    () => (partners && topics ? buildPartnerIndex(partners, topics.known) : undefined),
    [partners, topics],
  );

  const words = query.q ?? '';
  const topic = query.onderwerp || undefined;
  const language = query.taal || undefined;
  const openNow = query.open === '1';

  const results = useMemo(
    () =>
      index
        ? searchPartners(index, words, {
            ...(topic ? { topic } : {}),
            ...(language ? { language } : {}),
            ...(openNow ? { openAt: now } : {}),
          })
        : [],
    [index, words, topic, language, openNow, openNow ? now : 0],
  );
  const choices = useMemo(
    () => (topics ? filterChoices(partners ?? [], topics) : { topics: [], languages: [] }),
    [partners, topics],
  );

  function set(key: string, value: string) {
    const next = new URLSearchParams({ ...query, [key]: value });
    for (const [name, filled] of [...next]) if (filled === '') next.delete(name);
    const search = next.toString();
    route(`/sociale-kaart${search ? `?${search}` : ''}`, true);
    setShown(PAGE);
  }

  if (!partners || !topics) return null;

  return (
    <section class="screen partners">
      <div class="screen-head">
        <h1>
          {text.partners.title} <span class="count">{text.partners.count(partners.length)}</span>
        </h1>
        <div class="screen-actions">
          <a class="button button-small" href="/sociale-kaart/nieuw">
            {text.partners.add}
          </a>
          <a class="button button-small" href="/sociale-kaart/uitwisselen">
            {text.partners.exchange}
          </a>
        </div>
      </div>

      {partners.length === 0 ? (
        <div class="panel">
          <p>{text.partners.emptyIntro}</p>
          <div class="detail-actions">
            <a class="button button-primary" href="/sociale-kaart/uitwisselen">
              {text.partners.importFirst}
            </a>
            <TemplateButton />
          </div>
        </div>
      ) : (
        <>
          <search class="partner-search">
            <label for="partner-query" class="label">
              {text.partners.search}
            </label>
            <input
              id="partner-query"
              type="search"
              class="input"
              value={words}
              placeholder={text.partners.searchPlaceholder}
              autoComplete="off"
              spellcheck={false}
              onInput={(event) => set('q', (event.currentTarget as HTMLInputElement).value)}
            />
            <div class="partner-filters">
              <div class="filter">
                <label for="partner-topic" class="label">
                  {text.partners.topic}
                </label>
                <select
                  id="partner-topic"
                  class="input"
                  value={topic ?? ''}
                  onChange={(event) =>
                    set('onderwerp', (event.currentTarget as HTMLSelectElement).value)
                  }
                >
                  <option value="">{text.partners.allTopics}</option>
                  {choices.topics.map((id) => (
                    <option key={id} value={id}>
                      {topics.label(id)}
                    </option>
                  ))}
                </select>
              </div>
              <div class="filter">
                <label for="partner-language" class="label">
                  {text.partners.language}
                </label>
                <select
                  id="partner-language"
                  class="input"
                  value={language ?? ''}
                  onChange={(event) =>
                    set('taal', (event.currentTarget as HTMLSelectElement).value)
                  }
                >
                  <option value="">{text.partners.allLanguages}</option>
                  {choices.languages.map(({ code, name }) => (
                    <option key={code} value={code}>
                      {name}
                    </option>
                  ))}
                </select>
              </div>
              <label class={`chip filter-open${openNow ? ' is-checked' : ''}`}>
                <input
                  type="checkbox"
                  checked={openNow}
                  onChange={(event) =>
                    set('open', (event.currentTarget as HTMLInputElement).checked ? '1' : '')
                  }
                />
                <span>{text.partners.openNow}</span>
              </label>
            </div>
          </search>

          <p class="result-count" role="status" data-testid="result-count">
            {text.partners.found(results.length)}
          </p>
          {results.length === 0 ? <p class="empty">{text.partners.noResults}</p> : null}
          <ul class="partner-list">
            {results.slice(0, shown).map((partner) => (
              <PartnerCard key={partner.id} partner={partner} now={now} topics={topics} />
            ))}
          </ul>
          {results.length > shown ? (
            <button type="button" class="button button-wide" onClick={() => setShown(shown + PAGE)}>
              {text.partners.showMore(results.length - shown)}
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}

/** Only the topics and languages some partner has: a filter that finds nothing is no help. */
function filterChoices(partners: readonly Partner[], known: PartnerTopics) {
  const topics = new Set<string>();
  const languages = new Map<string, string>();
  for (const partner of partners) {
    for (const topic of partner.topics) topics.add(topic);
    for (const { code, name } of partner.languages) languages.set(code, name);
  }
  const byLabel = new Intl.Collator('nl');
  return {
    topics: [...topics].sort((a, b) => byLabel.compare(known.label(a), known.label(b))),
    languages: [...languages]
      .map(([code, name]) => ({ code, name }))
      .sort((a, b) => byLabel.compare(a.name, b.name)),
  };
}
