#pragma once
// Rich text that members write (a news article, a bulletin's introduction) as Markdown, rendered
// to HTML on the server by cmark-gfm, GitHub's own CommonMark library: bold, italics, headings,
// lists, quotes, links, tables, strikethrough. Its safe mode is what makes the result fit to show
// to every member: any HTML the writer typed (a <script>, an <iframe>, an onerror=) comes out as
// an HTML comment, and links or pictures to javascript:, vbscript:, file: or data: addresses
// (but for data: pictures) lose their address. No writer's markup reaches a reader's page.

#include <string>
#include <string_view>

namespace dk::io {

// The body's HTML. A line break in the text is a line break on the page, as those who write in
// a word processor expect.
std::string render_markdown(std::string_view markdown);

}  // namespace dk::io
