#pragma once
// What an uploaded attachment is, from its bytes rather than from its name or the type a browser
// claims: a PDF, a Word document (DOCX), or a PNG, JPEG or WebP picture. Anything else is refused
// before it is stored, so that nothing a member downloads can be HTML or a script in disguise.

#include <optional>
#include <string_view>

namespace dk::io {

struct AttachmentType {
  std::string_view content_type;  // "application/pdf"
  std::string_view extension;     // ".pdf"
};

// The type the bytes are, or nothing. A DOCX is a ZIP whose parts include word/document.xml; a ZIP
// that is not one (an XLSX, an archive) is nothing.
std::optional<AttachmentType> sniff_attachment(std::string_view bytes);

}  // namespace dk::io
