#include "io/attachment_type.hpp"

#include <zip.h>

#include <memory>

namespace dk::io {
namespace {

bool starts_with(std::string_view bytes, std::string_view magic) {
  return bytes.substr(0, magic.size()) == magic;
}

// Opens the ZIP from memory (its central directory only: no part is expanded) and looks for the
// part every Word document has.
bool is_docx(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!source) return false;
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  zip_error_fini(&error);
  if (!archive) {
    zip_source_free(source);
    return false;
  }
  const bool word = zip_name_locate(archive, "word/document.xml", 0) >= 0 &&
                    zip_name_locate(archive, "[Content_Types].xml", 0) >= 0;
  zip_discard(archive);  // also frees the source
  return word;
}

}  // namespace

std::optional<AttachmentType> sniff_attachment(std::string_view bytes) {
  if (starts_with(bytes, "%PDF-")) return AttachmentType{"application/pdf", ".pdf"};
  if (starts_with(bytes, "\x89PNG\r\n\x1a\n")) return AttachmentType{"image/png", ".png"};
  if (starts_with(bytes, "\xFF\xD8\xFF")) return AttachmentType{"image/jpeg", ".jpg"};
  if (bytes.size() >= 12 && starts_with(bytes, "RIFF") && bytes.substr(8, 4) == "WEBP")
    return AttachmentType{"image/webp", ".webp"};
  if (starts_with(bytes, std::string_view("PK\x03\x04", 4)) && is_docx(bytes)) {
    return AttachmentType{"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                          ".docx"};
  }
  return std::nullopt;
}

}  // namespace dk::io
