#pragma once
// An amount in words, as a receipt (biên lai, phiếu thu) must write it beside the figures so that
// nobody can add a digit: "Hai triệu tám trăm nghìn đồng".

#include <string>

#include "core/money.hpp"

namespace dk {

// The Vietnamese reading, first letter capitalised, ending in " đồng". It follows the usage of
// accounting documents: "mốt" for a one after "mươi" (hai mươi mốt), "tư" for a four after "mươi"
// (hai mươi tư), "lăm" for a five after "mười"/"mươi" (mười lăm), "linh" for a zero tens digit
// (một trăm linh năm), "không trăm" for a group below one hundred that follows a larger group
// (một triệu không trăm linh năm nghìn), "nghìn tỷ" above a billion; "Âm" before a negative amount.
// 2800000 → "Hai triệu tám trăm nghìn đồng", 0 → "Không đồng".
std::string amount_in_words(Dong amount);

// The English reading for the English receipt: "Two million eight hundred thousand dong",
// "Forty-two million three hundred thousand dong", "Minus one hundred fifty thousand dong".
std::string amount_in_english_words(Dong amount);

}  // namespace dk
