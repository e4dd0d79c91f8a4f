using System.Net.Mail;
using Filing.Core.Participation;

namespace Filing.Api.Participation;

/// <summary>Field checks shared by the public submissions; each adds a message to <c>errors</c> and returns the cleaned value.</summary>
internal static class InputRules
{
    public static string? Text(string? value, string field, int max, bool required, Dictionary<string, string[]> errors)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                errors[field] = [$"{field} 不能为空 / {field} is required and cannot be empty."];
            }

            return null;
        }

        if (text.Length > max)
        {
            errors[field] = [$"{field} 最多 {max} 个字符（现为 {text.Length}）/ {field} is at most {max} characters (got {text.Length})."];
            return null;
        }

        return text;
    }

    public static string? Phone(string? value, string field, Dictionary<string, string[]> errors)
    {
        var phone = value?.Trim();
        if (string.IsNullOrEmpty(phone))
        {
            return null;
        }

        var digits = phone.Count(char.IsAsciiDigit);
        if (phone.Length > 40 || digits is < 5 or > 20 || phone.Any(c => !(char.IsAsciiDigit(c) || c is '+' or '-' or ' ' or '(' or ')' or '（' or '）')))
        {
            errors[field] = ["电话号码格式不正确 / Not a phone number (digits, spaces, +, - and brackets only)."];
            return null;
        }

        return phone;
    }

    public static string? Email(string? value, string field, Dictionary<string, string[]> errors)
    {
        var email = value?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            return null;
        }

        if (email.Length > 254 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !parsed.Host.Contains('.', StringComparison.Ordinal))
        {
            errors[field] = ["电子邮箱格式不正确 / Not an e-mail address."];
            return null;
        }

        return email;
    }

    public static string? IdNumber(string? value, string field, Dictionary<string, string[]> errors)
    {
        var id = value?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        if (!ChineseIdNumber.IsValid(id))
        {
            errors[field] = ["身份证号码不正确（18位，校验码不符）/ Not a valid 18-character resident ID number."];
            return null;
        }

        return id;
    }
}
