// The internal interface of the tagger trainer (tools/train-tagger), and its only way into
// the syntax stage's private headers: the trainer must compute the features, lemma rules,
// model layout and word folding bit-identically to the runtime tagger, so it uses the same
// code rather than a public API. Nothing but the trainer includes this header.
#ifndef SITREP_SRC_SYNTAX_TRAINING_H_
#define SITREP_SRC_SYNTAX_TRAINING_H_

#include "core/fold.h"            // fold::FoldCase: Token::lower and lemma keys
#include "core/strings.h"         // strings::Split: CoNLL-U columns
#include "syntax/features.h"      // WordInfo, ExtractFeatures, HashBytes, Mix
#include "syntax/lemma_rules.h"   // LemmaLexicon, lemma classes
#include "syntax/model_format.h"  // ModelData, WriteModel, LexiconValue

#endif  // SITREP_SRC_SYNTAX_TRAINING_H_
