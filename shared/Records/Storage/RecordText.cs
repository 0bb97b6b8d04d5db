using Azure;
using Azure.Data.Tables;
using Ingest.Storage;

namespace Ingest.Records.Storage;

/// <summary>
/// Text properties that may outgrow a table string (32 K UTF-16 characters): short text is stored
/// inline, longer text goes to a blob and the entity keeps its name in <c>{property}Blob</c>.
/// </summary>
internal sealed class RecordText(IngestStorage storage)
{
    public async Task SetAsync(TableEntity entity, string property, string? text, CancellationToken cancellationToken)
    {
        if (text is null)
        {
            return;
        }

        if (text.Length <= EntityLimits.MaxStringChars)
        {
            entity[property] = text;
            return;
        }

        // Content-addressed: the same text is one blob however often it is written.
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
        var name = $"{hash[..2]}/{hash}.txt";
        var container = storage.Blobs.GetBlobContainerClient(storage.Layout.RecordTextContainer);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        try
        {
            await container.GetBlobClient(name).UploadAsync(BinaryData.FromString(text), overwrite: false, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Already there: same name, same text.
        }

        entity[property + RecordFields.BlobSuffix] = name;
    }

    public async Task<string?> GetAsync(TableEntity entity, string property, CancellationToken cancellationToken)
    {
        if (entity.GetString(property) is { } inline)
        {
            return inline;
        }

        if (entity.GetString(property + RecordFields.BlobSuffix) is not { } name)
        {
            return null;
        }

        var container = storage.Blobs.GetBlobContainerClient(storage.Layout.RecordTextContainer);
        var content = await container.GetBlobClient(name).DownloadContentAsync(cancellationToken);
        return content.Value.Content.ToString();
    }
}
