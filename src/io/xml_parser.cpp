#include "io/xml_parser.hpp"

#include <fmt/format.h>

#include <new>

namespace dk::io {
namespace {

// Expat joins a namespace URI and a local name with this; a URI never holds a space.
constexpr XML_Char kNamespaceSeparator = ' ';

std::string_view local_name(const XML_Char* name) {
  const std::string_view full(name);
  const std::size_t separator = full.rfind(kNamespaceSeparator);
  return separator == std::string_view::npos ? full : full.substr(separator + 1);
}

}  // namespace

std::optional<std::string_view> XmlAttributes::get(std::string_view wanted) const {
  for (const XML_Char** attribute = attributes_; attribute && *attribute; attribute += 2) {
    if (local_name(attribute[0]) == wanted) return std::string_view(attribute[1]);
  }
  return std::nullopt;
}

XmlParser::XmlParser(XmlHandler& handler)
    : handler_(handler), parser_(XML_ParserCreateNS("UTF-8", kNamespaceSeparator)) {
  if (!parser_) throw std::bad_alloc();
  XML_SetUserData(parser_, this);
  XML_SetElementHandler(parser_, &XmlParser::start_element, &XmlParser::end_element);
  XML_SetCharacterDataHandler(parser_, &XmlParser::text);
  XML_SetStartDoctypeDeclHandler(parser_, &XmlParser::start_doctype);
}

XmlParser::~XmlParser() {
  XML_ParserFree(parser_);
}

XmlStatus XmlParser::feed(std::string_view chunk, bool last) {
  return status_of(XML_Parse(parser_, chunk.data(), static_cast<int>(chunk.size()),
                             last ? XML_TRUE : XML_FALSE));
}

XmlStatus XmlParser::resume() {
  suspended_ = false;
  return status_of(XML_ResumeParser(parser_));
}

void XmlParser::suspend() {
  if (suspended_ || aborted_by_handler_) return;
  suspended_ = true;
  XML_StopParser(parser_, XML_TRUE);
}

void XmlParser::abort() {
  if (aborted_by_handler_) return;
  aborted_by_handler_ = true;
  XML_StopParser(parser_, XML_FALSE);
}

std::string XmlParser::error_text() const {
  if (doctype_refused_) return "a DOCTYPE declaration, which no XLSX part has";
  return fmt::format("{} at XML line {}, column {}", XML_ErrorString(XML_GetErrorCode(parser_)),
                     XML_GetCurrentLineNumber(parser_), XML_GetCurrentColumnNumber(parser_));
}

XmlStatus XmlParser::status_of(XML_Status status) const {
  switch (status) {
    case XML_STATUS_OK:
      return XmlStatus::ok;
    case XML_STATUS_SUSPENDED:
      return XmlStatus::suspended;
    case XML_STATUS_ERROR:
      break;
  }
  return XmlStatus::failed;
}

void XMLCALL XmlParser::start_element(void* self, const XML_Char* name,
                                      const XML_Char** attributes) {
  auto* parser = static_cast<XmlParser*>(self);
  parser->handler_.on_start(local_name(name), XmlAttributes(attributes));
}

void XMLCALL XmlParser::end_element(void* self, const XML_Char* name) {
  auto* parser = static_cast<XmlParser*>(self);
  parser->handler_.on_end(local_name(name));
}

void XMLCALL XmlParser::text(void* self, const XML_Char* data, int length) {
  auto* parser = static_cast<XmlParser*>(self);
  parser->handler_.on_text(std::string_view(data, static_cast<std::size_t>(length)));
}

void XMLCALL XmlParser::start_doctype(void* self, const XML_Char*, const XML_Char*, const XML_Char*,
                                      int) {
  auto* parser = static_cast<XmlParser*>(self);
  parser->doctype_refused_ = true;
  XML_StopParser(parser->parser_, XML_FALSE);
}

}  // namespace dk::io
