#include "pdf/archival.hpp"

#include <cstdio>

#include "pdf/pdf_format.hpp"
#include "util/xml_text.hpp"

namespace bp::pdf {

namespace {

// "D:YYYYMMDDHHmmSSZ" → "YYYY-MM-DDTHH:mm:SSZ": the same instant as the Info dictionary's date.
std::string xmp_date(int64_t epoch) {
  const std::string d = pdf_date(epoch);
  return d.substr(2, 4) + "-" + d.substr(6, 2) + "-" + d.substr(8, 2) + "T" + d.substr(10, 2) +
         ":" + d.substr(12, 2) + ":" + d.substr(14, 2) + "Z";
}

std::string lang_alt(const std::string& tag, const std::string& value) {
  return "<" + tag + "><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escape(value) +
         "</rdf:li></rdf:Alt></" + tag + ">\n";
}

// PDF/A admits only the schemas of its XMP list unless a file declares the others: pdfuaid is
// declared here (the usual declaration of PDF/UA files that are also PDF/A).
constexpr const char* kPdfuaExtension =
    R"(<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
)";

}  // namespace

std::string xmp_metadata(const doc::Meta& meta, const std::string& creator,
                         const std::string& producer, bool ua) {
  std::string x =
      "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
      "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
      "<rdf:Description rdf:about=\"\"\n"
      " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
      " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
      " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
      " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n";
  if (ua)
    x += " xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"\n"
         " xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
         " xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
         " xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\"\n";
  x += ">\n";
  x += "<dc:format>application/pdf</dc:format>\n";
  if (!meta.title.empty()) x += lang_alt("dc:title", meta.title);
  if (!meta.author.empty())
    x += "<dc:creator><rdf:Seq><rdf:li>" + xml_escape(meta.author) +
         "</rdf:li></rdf:Seq></dc:creator>\n";
  if (!meta.subject.empty()) x += lang_alt("dc:description", meta.subject);
  if (!meta.lang.empty())
    x += "<dc:language><rdf:Bag><rdf:li>" + xml_escape(meta.lang) +
         "</rdf:li></rdf:Bag></dc:language>\n";
  if (!meta.keywords.empty())
    x += "<pdf:Keywords>" + xml_escape(meta.keywords) + "</pdf:Keywords>\n";
  x += "<pdf:Producer>" + xml_escape(producer) + "</pdf:Producer>\n";
  x += "<xmp:CreatorTool>" + xml_escape(creator) + "</xmp:CreatorTool>\n";
  if (meta.epoch != 0) {
    const std::string d = xmp_date(meta.epoch);
    x += "<xmp:CreateDate>" + d + "</xmp:CreateDate>\n<xmp:ModifyDate>" + d +
         "</xmp:ModifyDate>\n<xmp:MetadataDate>" + d + "</xmp:MetadataDate>\n";
  }
  x += "<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>U</pdfaid:conformance>\n";
  if (ua) {
    x += "<pdfuaid:part>1</pdfuaid:part>\n";
    x += kPdfuaExtension;
  }
  x += "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>";
  return x;
}

void add_pdfa(ObjectStore& store, const doc::Meta& meta, const std::string& creator,
              const std::string& producer, bool ua, Flate& flate) {
  // The objects in PoDoFo's order (object_store.hpp): the metadata stream, the ICC profile, the
  // output intent.
  const Ref md = store.add_typed("Metadata");
  store.dict(md).set("Subtype", Object::name("XML"));
  store.set_stream(md, xmp_metadata(meta, creator, producer, ua));  // unfiltered
  store.dict(ObjectStore::kCatalog).set("Metadata", md);

  const Ref profile = store.add();
  store.dict(profile).set("N", Object::integer(3));
  set_flate_stream(store, profile, srgb_icc_profile(), flate);
  const Ref intent = store.add_typed("OutputIntent");
  Dict& id = store.dict(intent);
  id.set("S", Object::name("GTS_PDFA1"));
  id.set("OutputConditionIdentifier", Object::plain("sRGB IEC61966-2.1"));
  id.set("RegistryName", Object::plain("http://www.color.org"));
  id.set("Info", Object::plain("sRGB IEC61966-2.1"));
  id.set("DestOutputProfile", profile);
  store.dict(ObjectStore::kCatalog).set("OutputIntents", Array{intent});
}

}  // namespace bp::pdf
