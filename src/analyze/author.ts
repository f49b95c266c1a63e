// Brand and agent messages in review and social exports: the brand's own
// posts and replies ("Bonjour Marc, nous sommes désolés… envoyez-nous un MP",
// auto-replies, "^JD" signatures) are not the voice of the customer.
import { foldText } from '../text/fold.js';

/** A Twitter-style agent signature closing the text: "^JD", "^Marc". */
const CARET_SIGNATURE = /(?:^|\s)\^[\p{Lu}][\p{L}]{0,11}\s*$/u;

/** Phrases only a brand writes: one is enough ("envoyez-nous un MP"). */
const STRONG = [
  /\b(envoyez|ecrivez|adressez)[- ]nous (un |en |par )?(mp|dm|message prive|message)\b/,
  /\b(nous|notre equipe) (revenons|reviendrons) vers vous\b/,
  /\bnous vous invitons a (nous contacter|contacter notre|nous ecrire|nous envoyer|vous rapprocher)\b/,
  /\bvotre satisfaction (est|reste) notre priorite\b/,
  /\b(cordialement|bien a vous|belle journee)[ ,.!]+(l'|le |la )?(equipe|service client|service clients|community manager)\b/,
];

/** Phrases a brand's reply is made of: two are needed (a customer may write one). */
const MEDIUM = [
  /\bnous (sommes|sommes vraiment|sommes sincerement) (desoles|navres|confus)\b/,
  /\bnous (vous prions de nous excuser|nous excusons|regrettons|comprenons votre)\b/,
  /\b(nous vous remercions|merci) (pour|de) (votre|ce) (avis|retour|commentaire|message|note|temoignage|partage)\b/,
  /\bn'hesitez pas a (nous|revenir vers nous|contacter notre|vous rapprocher)\b/,
  /\bnous restons a votre (disposition|ecoute)\b/,
  /\bau plaisir de vous (revoir|accueillir|retrouver|servir)\b/,
  /\b(nos equipes|notre service client|notre service clients|nos conseillers|notre equipe)\b/,
  /\bnous (avons transmis|transmettons|allons transmettre|faisons le necessaire|allons faire le necessaire)\b/,
  /\bnous (vous souhaitons|esperons vous revoir|esperons que)\b/,
  /^(bonjour|bonsoir|hello) [a-z][a-z-]+ ?[,!]/,
  /\b(en|par) (mp|dm|message prive)\b/,
];

/** A word (or two) that each STRONG and MEDIUM pattern contains once folded; keep in step with them. */
const ANCHOR = /nous|vous|votre|notre|nos|merci|hesitez|cordialement|belle journee|bonjour|bonsoir|hello|\b(?:en|par) (?:mp|dm|message prive)\b/;

/**
 * Whether a text reads as a brand's or an agent's message rather than a
 * customer's: a caret signature or a brand-only phrase, or two reply phrases.
 */
export function isBrandMessage(text: string): boolean {
  if (text.includes('^') && CARET_SIGNATURE.test(text.trimEnd())) return true;
  // foldKey unifies ’ ‘ ` as ' too.
  const folded = foldText(text);
  // Every STRONG and MEDIUM phrase holds one of these words: most customer texts stop here.
  if (!ANCHOR.test(folded)) return false;
  if (STRONG.some((re) => re.test(folded))) return true;
  let found = 0;
  for (const re of MEDIUM) if (re.test(folded) && ++found >= 2) return true;
  return false;
}
