// Random case studies for the property specifications of the io layer: one generator, told
// which texts the encoding under test must carry and which shapes it keeps.
#pragma once

#include <string>
#include <vector>

#include "partnerqi/model/case_study.hpp"

#include <rapidcheck.h>

namespace partnerqi::io::testing {

/// What the studies of one property hold: the rest of their shape is the same for all.
struct study_options {
    /// Generates every free text of a study, and the parts around the number in its codes.
    rc::Gen<std::string> text;
    /// Whether an optional text that is set may be empty. An encoding that reads an empty
    /// optional text back as unset (the CSV tables) needs false.
    bool empty_optional_texts = true;
    /// Whether a record may be removed once added, which leaves a gap in the ids. An encoding
    /// that numbers records afresh when it reads them (the CSV tables) needs false.
    bool id_gaps = true;
};

/// Short strings of any bytes: texts in files must survive whatever people type or paste.
[[nodiscard]] rc::Gen<std::string> any_bytes();

/// Texts made of any number of `pieces` (drawn with repetition), joined.
[[nodiscard]] rc::Gen<std::string> joined_pieces(std::vector<std::string> pieces);

/// Short UTF-8 texts built from pieces that CSV and list cells must carry: commas, quotes, line
/// breaks, semicolons, backslashes, blanks at either end, accents and emoji.
[[nodiscard]] rc::Gen<std::string> any_spreadsheet_text();

/// A valid case study of any shape the model allows: every record kind, every optional field
/// set or unset, references between records, texts from `options.text`. A generated record
/// that breaks a rule is skipped, so the study is valid. Call it inside a RapidCheck property.
[[nodiscard]] model::case_study any_study(const study_options& options);

}  // namespace partnerqi::io::testing
