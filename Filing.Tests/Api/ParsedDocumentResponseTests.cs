using System.Text.Json;
using Filing.Api.Documents;
using Filing.Core.Documents;
using Filing.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Filing.Tests.Api;

public class ParsedDocumentResponseTests(FilingApiFactory factory) : IClassFixture<FilingApiFactory>
{
    [Fact]
    public void CarriesHeaderBlock_GivenGbT9704Header()
    {
        var document = NormativeDocumentReader.FromText("""
            000023
            秘密★1年
            特急
            桐庐县人民政府文件
            桐政发〔2018〕47号　　签发人：张三
            桐庐县人民政府关于加强某项工作的请示
            """);
        var options = factory.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;

        var json = JsonSerializer.SerializeToNode(ParsedDocumentResponse.From(document), options)!;

        json["header"]!.ToJsonString(options).Should().Be(
            """{"copyNumber":"000023","classification":"秘密★1年","urgency":"特急","issuerMark":"桐庐县人民政府文件","signers":["张三"]}""");
        json["documentNumber"]!["text"]!.GetValue<string>().Should().Be("桐政发〔2018〕47号");
        json["documentType"]!.GetValue<string>().Should().Be("请示");
    }
}
