#pragma once
// Expat behind a small interface for reading OOXML parts. Element and attribute names arrive
// without their namespace prefix (Excel writes <row>, some libraries <x:row>); a DOCTYPE is
// refused, since no OOXML part has one and a DTD is how entity bombs get in; and a handler can
// pause the parse (after each row of a sheet) so that rows are handed out one at a time.

#include <expat.h>

#include <optional>
#include <string>
#include <string_view>

namespace dk::io {

class XmlAttributes {
 public:
  explicit XmlAttributes(const XML_Char** attributes) : attributes_(attributes) {}
  // The value of the attribute with this local name ("id" finds r:id), if present.
  std::optional<std::string_view> get(std::string_view local_name) const;

 private:
  const XML_Char** attributes_;
};

class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  // `name` is the local name, without namespace.
  virtual void on_start(std::string_view name, const XmlAttributes& attributes) = 0;
  virtual void on_end(std::string_view name) = 0;
  // Text between tags, possibly in several pieces.
  virtual void on_text(std::string_view /*text*/) {}
};

enum class XmlStatus { ok, suspended, failed };

class XmlParser {
 public:
  explicit XmlParser(XmlHandler& handler);
  ~XmlParser();
  XmlParser(const XmlParser&) = delete;
  XmlParser& operator=(const XmlParser&) = delete;

  // `chunk` must stay alive until the parse is no longer suspended.
  XmlStatus feed(std::string_view chunk, bool last);
  XmlStatus resume();

  // From a handler: return from feed() or resume() with `suspended` after this event.
  void suspend();
  // From a handler that found a problem of its own (and keeps it): stop with `failed`.
  void abort();

  // Why the parse failed, in English, when neither handler nor DOCTYPE stopped it.
  std::string error_text() const;
  bool aborted_by_handler() const { return aborted_by_handler_; }

 private:
  static void XMLCALL start_element(void* self, const XML_Char* name, const XML_Char** attributes);
  static void XMLCALL end_element(void* self, const XML_Char* name);
  static void XMLCALL text(void* self, const XML_Char* data, int length);
  static void XMLCALL start_doctype(void* self, const XML_Char* name, const XML_Char* system_id,
                                    const XML_Char* public_id, int has_internal_subset);
  XmlStatus status_of(XML_Status status) const;

  XmlHandler& handler_;
  XML_Parser parser_;
  bool suspended_ = false;
  bool aborted_by_handler_ = false;
  bool doctype_refused_ = false;
};

}  // namespace dk::io
