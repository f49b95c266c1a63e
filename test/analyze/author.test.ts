import { describe, expect, it } from 'vitest';
import { analyzeVerbatim, buildReport, createAnalyzer, isBrandMessage } from '../../src/index.js';
import { authorRole, readVerbatims } from '../../src/io/index.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('brand and agent messages', () => {
  it.each([
    'Bonjour Marc, nous sommes désolés pour ce désagrément. Envoyez-nous un MP avec votre numéro de commande.',
    'Hello Sandrine ! Nous sommes navrés de lire ceci, écrivez-nous en message privé et nous regardons ça ^JD',
    "Merci pour votre avis ! N'hésitez pas à revenir vers nous si besoin. L'équipe Optique Lumière",
    "Nous vous remercions pour votre retour. Nos équipes ont bien pris note et nous restons à votre disposition.",
    'Bonjour, nous vous invitons à contacter notre service client au 09 00 00 00 00. Belle journée, le service client',
    "Votre satisfaction est notre priorité : nous revenons vers vous très vite.",
    'On regarde ça tout de suite ^Léa',
  ])('%j is the brand speaking', (text) => {
    expect(isBrandMessage(text)).toBe(true);
  });

  it.each([
    'Je suis désolée mais votre service client est nul, trois semaines sans réponse.',
    "Merci pour votre aide, la conseillère a été parfaite et nos enfants sont ravis.",
    'Bonjour, je vous écris car ma commande n\'est jamais arrivée. Cordialement, Marc',
    "Votre équipe m'a envoyé un MP pour dire qu'ils étaient désolés, toujours rien depuis",
    'Nous sommes désolés pour nos voisins, la livraison a bloqué la rue',
    'Prix en hausse de 20 % ^^',
  ])('%j is a customer', (text) => {
    expect(isBrandMessage(text)).toBe(false);
  });

  it.each([
    ['Marque', 'agent'],
    ['réponse', 'agent'],
    ['Service client', 'agent'],
    ['community_manager', 'agent'],
    ['@OptiqueLumiere', 'agent'],
    ['Client', 'customer'],
    ['Marc D.', 'customer'],
    ['', 'customer'],
  ])('author cell %j → %s', (value, role) => {
    expect(authorRole(value, ['@optiquelumiere'])).toBe(role);
  });

  const analyzer = createAnalyzer({ detectLanguage: false });

  it('carries no labels, and the author column wins over the wording', () => {
    const reply = analyzeVerbatim({ id: 'r', text: "Nous sommes désolés pour le retard de livraison, n'hésitez pas à nous écrire.", channel: 'reseaux_sociaux' }, analyzer);
    expect(reply.author).toBe('agent');
    expect([reply.themes, reply.irritants, reply.enchantments, reply.intents]).toEqual([[], [], [], []]);
    expect(reply.tonality).toBe('neutre');
    const told = analyzeVerbatim({ id: 't', text: 'Livraison en retard de deux semaines.', author: 'agent' }, analyzer);
    expect(told.author).toBe('agent');
    const customer = analyzeVerbatim(
      { id: 'c', text: "Nous sommes désolés pour le retard de livraison, n'hésitez pas à nous écrire.", author: 'customer' },
      analyzer,
    );
    expect(customer.author).toBeUndefined();
    expect(customer.themes).toContain('livraison');
    const off = analyzeVerbatim({ id: 'o', text: reply.text }, analyzer, { detectAgentMessages: false });
    expect(off.author).toBeUndefined();
  });

  it('is counted apart in reports, out of every customer figure', async () => {
    const texts = [
      'Colis jamais reçu, service client injoignable.',
      "Bonjour Julie, nous sommes désolés. Envoyez-nous un MP avec votre numéro de commande ^AB",
      'Livraison rapide, merci !',
    ];
    const analyses = texts.map((text, i) => analyzeVerbatim({ id: String(i), text, channel: 'reseaux_sociaux' }, analyzer));
    const report = await buildReport(analyses);
    const social = report.channels.find((c) => c.channel === 'reseaux_sociaux');
    expect(social?.verbatims).toBe(2);
    expect(social?.agentMessages).toBe(1);
    expect(report.all.agentMessages).toBe(1);
    expect(report.all.verbatims).toBe(2);
  });

  it('reads an author column (auto-detected or named) and the brand account names', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vfr-author-'));
    const file = join(dir, 'social.csv');
    writeFileSync(file, 'commentaire;role;compte\nColis jamais reçu;client;@julie\nOn regarde ça;marque;@OptiqueLumiere\nMerci !;;@OptiqueLumiere\n');
    const read = async (options: Parameters<typeof readVerbatims>[1]) => {
      const out: Array<string | undefined> = [];
      for await (const item of readVerbatims([file], options)) if (item.type === 'verbatim') out.push(item.verbatim.author);
      return out;
    };
    expect(await read({})).toEqual(['customer', 'agent', 'customer']);
    expect(await read({ author: 'compte', agentAuthors: ['@optiquelumiere'] })).toEqual(['customer', 'agent', 'agent']);
  });
});
